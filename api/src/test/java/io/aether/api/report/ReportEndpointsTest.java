package io.aether.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Every analysis job has a report: running while the job runs, then completed with its insights and
 * three files drawn from them (a PNG that ImageIO decodes, an SVG that parses as XML, a CSV with the
 * evidence's numbers), or failed with the reason. Bad ids and file names get clear errors.
 */
class ReportEndpointsTest extends IntegrationTest {

    @Test
    void aCompletedAnalysisHasAReportWithAChartAndItsData() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String low = "sensor.shed_battery_" + tag;
        setState(low, "9", Map.of("device_class", "battery", "friendly_name", "Shed sensor"));
        String jobId = analyse("{\"analysis_type\": \"device_health\", \"entity_ids\": [\"" + low + "\"]}");

        JsonNode report = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> http.get("/api/v1/reports/" + jobId).json(),
                        r -> r.path("status").asText().equals("completed"));
        assertThat(report.get("id").asText()).isEqualTo(jobId);
        assertThat(report.get("title").asText()).isEqualTo("Device health analysis");
        assertThat(report.get("analysis_type").asText()).isEqualTo("device_health");
        assertThat(report.get("summary").asText()).isEqualTo("The analysis found 1 insight.");
        assertThat(report.get("insight_ids")).hasSize(1);
        assertThat(report.get("artifact_paths").toString()).contains("chart.png", "chart.svg", "data.csv");
        assertThat(report.get("communication_count").asInt()).isEqualTo(2);
        assertThat(report.get("completed_at").isNull()).isFalse();

        assertThat(ids(http.get("/api/v1/reports?status=completed&limit=500"))).contains(jobId);
        assertThat(ids(http.get("/api/v1/reports?status=failed&limit=500"))).doesNotContain(jobId);

        HttpResponse<byte[]> png = fetch(jobId, "chart.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(png.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(png.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image).as("a PNG that ImageIO decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(500);

        HttpResponse<byte[]> svg = fetch(jobId, "chart.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.body()));
        assertThat(
                        document.getDocumentElement().getLocalName() == null
                                ? document.getDocumentElement().getTagName()
                                : document.getDocumentElement().getLocalName())
                .isEqualTo("svg");

        HttpResponse<byte[]> csv = fetch(jobId, "data.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("insight_id,type,impact,confidence,entity,measure,at,value\r\n");
        assertThat(text).contains(low + ",battery_level,,9\r\n").contains(low + ",threshold,,20\r\n");

        Http.Response log = http.get("/api/v1/reports/" + jobId + "/communication");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().get("count").asInt()).isEqualTo(2);
        assertThat(log.json()
                        .get("communication_log")
                        .get(1)
                        .get("message_type")
                        .asText())
                .isEqualTo("completed");
    }

    @Test
    void aFailedAnalysisHasAFailedReportWithoutFiles() {
        HA.setAvailable(false);
        String jobId;
        try {
            jobId = analyse("{\"analysis_type\": \"device_health\"}");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> http.get("/api/v1/reports/" + jobId)
                                    .json()
                                    .path("status")
                                    .asText(),
                            "failed"::equals);
        } finally {
            HA.setAvailable(true);
        }
        JsonNode report = http.get("/api/v1/reports/" + jobId).json();
        assertThat(report.get("summary").asText()).startsWith("The analysis failed: ");
        assertThat(report.get("artifact_paths")).isEmpty();
        assertThat(http.get("/api/v1/reports/" + jobId + "/artifacts/chart.png").status())
                .isEqualTo(404);
        assertThat(ids(http.get("/api/v1/reports?status=failed&limit=500"))).contains(jobId);
    }

    @Test
    void badIdsStatusesAndFileNamesAreClearErrors() {
        assertThat(http.get("/api/v1/reports/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/reports/not-a-report").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/reports/" + UUID.randomUUID() + "/communication")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/reports?status=done").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/reports?limit=0").status()).isIn(400, 422);
        String id = UUID.randomUUID().toString();
        assertThat(http.get("/api/v1/reports/" + id + "/artifacts/..%2Fetc").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/reports/" + id + "/artifacts/.hidden").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/reports/" + id + "/artifacts/a..b").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/reports/bad$id/artifacts/chart.png").status())
                .isEqualTo(400);
        Http.Response unknown = http.get("/api/v1/reports/" + id + "/artifacts/chart.png");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("type").asText()).isEqualTo("not_found");
        assertThat(anonymous.get("/api/v1/reports").status()).isEqualTo(401);
    }

    private String analyse(String body) {
        Http.Response started = http.post("/api/v1/insights/analyze", body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.json().get("job_id").asText();
        JsonNode report = http.get("/api/v1/reports/" + jobId).json();
        assertThat(report.get("id").asText())
                .as("the report is there with the job's answer")
                .isEqualTo(jobId);
        return jobId;
    }

    private HttpResponse<byte[]> fetch(String reportId, String name) {
        return http.getBytes("/api/v1/reports/" + reportId + "/artifacts/" + name);
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("reports").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static void setState(String entityId, String state, Map<String, String> attributes) {
        Http ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
        Http.Response set = ha.post("/api/states/" + entityId, Map.of("state", state, "attributes", attributes));
        assertThat(set.status()).as(set.body()).isIn(200, 201);
    }
}
