package io.aether.api.analytics;

import io.aether.domain.analytics.query.ProposalAnalytics;
import io.aether.domain.analytics.query.ProposalAnalytics.Bucket;
import io.aether.domain.analytics.query.ProposalAnalytics.LeadTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Draws {@link ProposalAnalytics} as one SVG document, written by hand: the funnel as bars with their
 * numbers, the rates, and the lead-time percentiles per bucket as lines. Every text is escaped.
 */
final class ProposalAnalyticsSvg {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;
    private static final int CHART_LEFT = 80;
    private static final int CHART_RIGHT = 760;
    private static final int CHART_TOP = 300;
    private static final int CHART_BOTTOM = 500;

    private ProposalAnalyticsSvg() {}

    /** One line of the lead-time chart. */
    private record Series(String label, String colour, boolean dashed, Function<Bucket, Double> value) {}

    private static final List<Series> SERIES = List.of(
            new Series(
                    "created to approved p50",
                    "#1f77b4",
                    false,
                    b -> b.leadTimes().createdToApproved().p50Seconds()),
            new Series(
                    "created to approved p90",
                    "#1f77b4",
                    true,
                    b -> b.leadTimes().createdToApproved().p90Seconds()),
            new Series(
                    "approved to deployed p50",
                    "#2ca02c",
                    false,
                    b -> b.leadTimes().approvedToDeployed().p50Seconds()),
            new Series(
                    "approved to deployed p90",
                    "#2ca02c",
                    true,
                    b -> b.leadTimes().approvedToDeployed().p90Seconds()));

    static String render(ProposalAnalytics a) {
        StringBuilder svg = new StringBuilder(8_192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"13\">\n")
                .append("<title>")
                .append(escape("Aether proposal analytics " + a.from() + " to " + a.to()))
                .append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(svg, 20, 28, "Proposals created " + a.from() + " to " + a.to() + " (" + a.bucket() + " buckets)", 16);

        funnel(svg, a);
        leadTimes(svg, a);
        return svg.append("</svg>\n").toString();
    }

    private static void funnel(StringBuilder svg, ProposalAnalytics a) {
        text(svg, 20, 60, "Funnel", 14);
        long[] values = {
            a.funnel().created(),
            a.funnel().approved(),
            a.funnel().deployed(),
            a.funnel().rolledBack()
        };
        String[] labels = {"created", "approved", "deployed", "rolled back"};
        long max = Math.max(1, values[0]);
        for (int i = 0; i < values.length; i++) {
            int y = 75 + i * 34;
            double width = 520.0 * Math.min(values[i], max) / max;
            svg.append("<g class=\"funnel-step\" data-step=\"")
                    .append(escape(labels[i]))
                    .append("\" data-count=\"")
                    .append(values[i])
                    .append("\">");
            text(svg, 20, y + 18, labels[i], 13);
            svg.append("<rect x=\"120\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(number(width))
                    .append("\" height=\"24\" fill=\"#4c78a8\"/>");
            text(svg, 130 + (int) width, y + 18, Long.toString(values[i]), 13);
            svg.append("</g>\n");
        }
        text(
                svg,
                20,
                228,
                "Rejected " + a.funnel().rejected() + "; deployments " + a.deploymentsSucceeded() + " succeeded, "
                        + a.deploymentsFailed() + " failed; deploy failure rate " + percent(a.deployFailureRate())
                        + "; rollback rate " + percent(a.rollbackRate()),
                13);
        LeadTime approve = a.leadTimes().createdToApproved();
        LeadTime deploy = a.leadTimes().approvedToDeployed();
        text(
                svg,
                20,
                250,
                "Lead time created to approved: p50 " + duration(approve.p50Seconds()) + ", p90 "
                        + duration(approve.p90Seconds()) + " (" + approve.count() + "); approved to deployed: p50 "
                        + duration(deploy.p50Seconds()) + ", p90 " + duration(deploy.p90Seconds()) + " ("
                        + deploy.count() + ")",
                13);
    }

    private static void leadTimes(StringBuilder svg, ProposalAnalytics a) {
        text(svg, 20, CHART_TOP - 14, "Lead times by bucket of creation (seconds)", 14);
        List<Bucket> buckets = a.buckets();
        double max = 0;
        for (Bucket bucket : buckets) {
            for (Series series : SERIES) {
                Double value = series.value().apply(bucket);
                if (value != null) {
                    max = Math.max(max, value);
                }
            }
        }
        double top = max <= 0 ? 1 : max;
        svg.append("<line x1=\"")
                .append(CHART_LEFT)
                .append("\" y1=\"")
                .append(CHART_BOTTOM)
                .append("\" x2=\"")
                .append(CHART_RIGHT)
                .append("\" y2=\"")
                .append(CHART_BOTTOM)
                .append("\" stroke=\"#444\"/>\n")
                .append("<line x1=\"")
                .append(CHART_LEFT)
                .append("\" y1=\"")
                .append(CHART_TOP)
                .append("\" x2=\"")
                .append(CHART_LEFT)
                .append("\" y2=\"")
                .append(CHART_BOTTOM)
                .append("\" stroke=\"#444\"/>\n");
        text(svg, 10, CHART_TOP + 5, number(top), 11);
        text(svg, 10, CHART_BOTTOM, "0", 11);
        if (!buckets.isEmpty()) {
            text(svg, CHART_LEFT, CHART_BOTTOM + 18, buckets.get(0).start().toString(), 11);
            text(
                    svg,
                    CHART_RIGHT - 70,
                    CHART_BOTTOM + 18,
                    buckets.get(buckets.size() - 1).start().toString(),
                    11);
        }
        int legendX = CHART_LEFT;
        for (Series series : SERIES) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < buckets.size(); i++) {
                Double value = series.value().apply(buckets.get(i));
                if (value != null) {
                    double x = buckets.size() == 1
                            ? (CHART_LEFT + CHART_RIGHT) / 2.0
                            : CHART_LEFT + (CHART_RIGHT - CHART_LEFT) * (double) i / (buckets.size() - 1);
                    double y = CHART_BOTTOM - (CHART_BOTTOM - CHART_TOP) * value / top;
                    points.add(number(x) + "," + number(y));
                }
            }
            String dash = series.dashed() ? " stroke-dasharray=\"6 4\"" : "";
            if (!points.isEmpty()) {
                svg.append("<polyline fill=\"none\" stroke=\"")
                        .append(series.colour())
                        .append("\" stroke-width=\"2\"")
                        .append(dash)
                        .append(" points=\"")
                        .append(String.join(" ", points))
                        .append("\"/>\n");
                for (String point : points) {
                    String[] xy = point.split(",");
                    svg.append("<circle cx=\"")
                            .append(xy[0])
                            .append("\" cy=\"")
                            .append(xy[1])
                            .append("\" r=\"3\" fill=\"")
                            .append(series.colour())
                            .append("\"/>\n");
                }
            }
            svg.append("<line x1=\"")
                    .append(legendX)
                    .append("\" y1=\"")
                    .append(CHART_BOTTOM + 40)
                    .append("\" x2=\"")
                    .append(legendX + 24)
                    .append("\" y2=\"")
                    .append(CHART_BOTTOM + 40)
                    .append("\" stroke=\"")
                    .append(series.colour())
                    .append("\" stroke-width=\"2\"")
                    .append(dash)
                    .append("/>");
            text(svg, legendX + 30, CHART_BOTTOM + 44, series.label(), 11);
            legendX += 170;
        }
    }

    private static void text(StringBuilder svg, int x, int y, String value, int size) {
        svg.append("<text x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"")
                .append(size)
                .append("\">")
                .append(escape(value))
                .append("</text>");
    }

    /** XML text and attribute escaping. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Double rate) {
        return rate == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String duration(Double seconds) {
        return seconds == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
