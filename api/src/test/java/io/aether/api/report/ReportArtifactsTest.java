package io.aether.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A report's series and anomalies become a line chart (PNG and SVG) and CSV rows. */
class ReportArtifactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSeriesWithAnAnomalyIsDrawnAndListed() throws Exception {
        InsightContent anomaly = new InsightContent(
                InsightType.fromWire("anomaly"),
                "Fridge power spike",
                "d",
                JSON.readTree("""
                        {"entity_id": "sensor.fridge_power", "z_score": 6.5,
                         "series": [{"at": "2026-12-01T00:00:00Z", "value": 80}, {"at": "2026-12-01T01:00:00Z", "value": 82},
                                    {"at": "2026-12-01T02:00:00Z", "value": 400}, {"at": "2026-12-01T03:00:00Z", "value": 81}],
                         "anomalies": [{"at": "2026-12-01T02:00:00Z", "value": 400}]}"""),
                0.9,
                InsightImpact.fromWire("high"),
                List.of("sensor.fridge_power"),
                null,
                null,
                null,
                null,
                null);
        ReportData data = ReportData.of(List.of(ReportData.Source.of("i-1", anomaly)));
        assertThat(data.series()).hasSize(1);
        assertThat(data.series().get(0).points()).hasSize(4);
        assertThat(data.series().get(0).anomalies()).hasSize(1);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                ReportArtifacts.render(ReportArtifacts.PNG, "Anomalies", data).bytes()));
        assertThat(image).isNotNull();
        String svg = new String(
                ReportArtifacts.render(ReportArtifacts.SVG, "Anomalies", data).bytes());
        assertThat(svg).contains("<svg").doesNotContain("<!DOCTYPE");
        String csv = new String(
                ReportArtifacts.render(ReportArtifacts.CSV, "Anomalies", data).bytes());
        assertThat(csv)
                .contains("i-1,anomaly,high,0.9,sensor.fridge_power,z_score,,6.5\r\n")
                .contains(",sensor.fridge_power,value,2026-12-01T02:00:00Z,400\r\n")
                .contains(",sensor.fridge_power,anomaly,2026-12-01T02:00:00Z,400\r\n");
    }

    @Test
    void aCellThatLooksLikeAFormulaIsNeutralised() {
        InsightContent hostile = new InsightContent(
                InsightType.fromWire("anomaly"),
                "t",
                "d",
                JSON.createObjectNode().put("entity_id", "=HYPERLINK(\"x\")").put("level", 3),
                0.5,
                InsightImpact.fromWire("low"),
                List.of(),
                null,
                null,
                null,
                null,
                null);
        String csv = ReportArtifacts.csv(ReportData.of(List.of(ReportData.Source.of("i", hostile))));
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
