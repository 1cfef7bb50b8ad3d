package io.aether.api.report;

import io.aether.api.platform.web.CsvCells;
import io.aether.domain.ErrorKind;
import java.awt.AWTError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.springframework.http.MediaType;
import org.w3c.dom.Document;

/**
 * The files of a report, drawn on request from its data (so they are never stale and need no
 * storage of their own): {@value #PNG} and {@value #SVG}, one chart in two formats (JFreeChart, and
 * Batik's SVG generator for the vector copy), and {@value #CSV}, the numbers behind it.
 */
final class ReportArtifacts {
    static final String PNG = "chart.png";
    static final String SVG = "chart.svg";
    static final String CSV = "data.csv";
    static final List<String> NAMES = List.of(PNG, SVG, CSV);

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Color ANOMALY = new Color(0xd6, 0x27, 0x28);

    private ReportArtifacts() {}

    /** A file's bytes and content type. */
    record Artifact(byte[] bytes, MediaType type) {}

    static Artifact render(String name, String title, ReportData data) {
        return switch (name) {
            case PNG -> new Artifact(png(chart(title, data)), MediaType.IMAGE_PNG);
            case SVG ->
                new Artifact(
                        svg(chart(title, data)).getBytes(StandardCharsets.UTF_8), MediaType.valueOf("image/svg+xml"));
            case CSV ->
                new Artifact(
                        csv(data).getBytes(StandardCharsets.UTF_8),
                        new MediaType("text", "csv", StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("no artifact " + name);
        };
    }

    /** The analysed series with their anomalies marked when there are series, else the evidence's numbers as bars. */
    static JFreeChart chart(String title, ReportData data) {
        try {
            return data.series().isEmpty() ? bars(title, data) : lines(title, data);
        } catch (RuntimeException | LinkageError | InternalError | AWTError e) {
            throw new ChartUnavailableException(e);
        }
    }

    private static JFreeChart lines(String title, ReportData data) {
        TimeSeriesCollection values = new TimeSeriesCollection();
        TimeSeriesCollection anomalies = new TimeSeriesCollection();
        TimeSeries marked = new TimeSeries("anomalies");
        for (ReportData.Series series : data.series()) {
            TimeSeries line = new TimeSeries(series.label());
            series.points().forEach(p -> line.addOrUpdate(new FixedMillisecond(Date.from(p.at())), p.value()));
            values.addSeries(line);
            series.anomalies().forEach(p -> marked.addOrUpdate(new FixedMillisecond(Date.from(p.at())), p.value()));
        }
        anomalies.addSeries(marked);
        XYPlot plot = new XYPlot(
                values, new DateAxis("time (UTC)"), new NumberAxis("value"), new XYLineAndShapeRenderer(true, false));
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, ANOMALY);
        points.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        plot.setDataset(1, anomalies);
        plot.setRenderer(1, points);
        plot.getRenderer().setDefaultStroke(new BasicStroke(1.5f));
        return styled(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static JFreeChart bars(String title, ReportData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        data.measures().forEach(m -> dataset.addValue(m.value(), m.name(), m.label()));
        return styled(ChartFactory.createBarChart(
                title, "entity", "value", dataset, PlotOrientation.HORIZONTAL, true, false, false));
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | LinkageError | InternalError | AWTError e) {
            throw new ChartUnavailableException(e);
        }
        return out.toByteArray();
    }

    static String svg(JFreeChart chart) {
        try {
            Document document = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
            SVGGraphics2D graphics = new SVGGraphics2D(SVGGeneratorContext.createDefault(document), false);
            graphics.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
            chart.draw(graphics, new Rectangle(WIDTH, HEIGHT));
            StringWriter out = new StringWriter();
            graphics.stream(out, true);
            graphics.dispose();
            // Batik writes the SVG 1.0 DOCTYPE; a reader that resolves it would fetch the DTD from w3.org.
            return DOCTYPE.matcher(out.toString()).replaceFirst("");
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot write the chart as SVG", e);
        } catch (RuntimeException | LinkageError | InternalError | AWTError e) {
            throw new ChartUnavailableException(e);
        }
    }

    /** One row per number: the evidence's measures, then every point of every series (anomalies marked). */
    static String csv(ReportData data) {
        StringBuilder out = new StringBuilder("insight_id,type,impact,confidence,entity,measure,at,value\r\n");
        for (ReportData.Measure m : data.measures()) {
            row(
                    out,
                    m.insightId(),
                    m.type(),
                    m.impact(),
                    number(m.confidence()),
                    m.label(),
                    m.name(),
                    "",
                    number(m.value()));
        }
        for (ReportData.Series s : data.series()) {
            s.points().forEach(p -> row(out, "", "", "", "", s.label(), "value", p.at().toString(), number(p.value())));
            s.anomalies()
                    .forEach(p -> row(out, "", "", "", "", s.label(), "anomaly", p.at().toString(), number(p.value())));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvCells.cell(cells[i]));
        }
        out.append("\r\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    /** Java's graphics could not draw (a machine without fonts, for one): the chart cannot be served here. */
    static final class ChartUnavailableException extends RuntimeException implements ErrorKind.Carrier {
        ChartUnavailableException(Throwable cause) {
            super("Charts cannot be drawn on this server (Java's graphics failed: "
                    + cause.getClass().getSimpleName() + "); install fontconfig and a font such as DejaVu");
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.UNAVAILABLE;
        }
    }
}
