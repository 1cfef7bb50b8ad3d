package io.aether.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GET /analytics/insights on a scripted history: exact counts and review times, and the same after a rebuild. */
class InsightAnalyticsTest extends IntegrationTest {
    private static final String INSIGHTS = "/api/v1/insights";

    @Test
    void countsEachStepAndTheTimeToFirstReviewPerTypeAndARebuildAnswersTheSame() {
        Instant from = Instant.now().minusMillis(1);
        String reviewedThenActed = insightOf("anomaly");
        insightOf("anomaly");
        String dismissed = insightOf("pattern");
        http.post(INSIGHTS + "/" + reviewedThenActed + "/review", "{}");
        http.post(INSIGHTS + "/" + reviewedThenActed + "/action", "{}");
        http.post(INSIGHTS + "/" + dismissed + "/dismiss", "{}");
        String url = "/api/v1/analytics/insights?from=" + from + "&to="
                + Instant.now().plusSeconds(1);

        JsonNode answer = http.get(url).json();
        JsonNode total = answer.get("total");
        assertThat(total.get("generated").asLong()).isEqualTo(3);
        assertThat(total.get("reviewed").asLong()).isEqualTo(1);
        assertThat(total.get("acted_upon").asLong()).isEqualTo(1);
        assertThat(total.get("dismissed").asLong()).isEqualTo(1);
        assertThat(total.get("time_to_first_review").get("count").asLong()).isEqualTo(2);

        JsonNode anomaly = type(answer, "anomaly");
        assertThat(anomaly.get("generated").asLong()).isEqualTo(2);
        assertThat(anomaly.get("reviewed").asLong()).isEqualTo(1);
        assertThat(anomaly.get("acted_upon").asLong()).isEqualTo(1);
        assertThat(anomaly.get("dismissed").asLong()).isZero();
        assertThat(anomaly.get("time_to_first_review").get("p50_seconds").asDouble())
                .isEqualTo(secondsToStep(reviewedThenActed, 1), offset(1e-6));
        JsonNode pattern = type(answer, "pattern");
        assertThat(pattern.get("generated").asLong()).isEqualTo(1);
        assertThat(pattern.get("dismissed").asLong()).isEqualTo(1);
        double dismissSeconds = secondsToStep(dismissed, 1);
        assertThat(pattern.get("time_to_first_review").get("p50_seconds").asDouble())
                .isEqualTo(dismissSeconds, offset(1e-6));
        assertThat(pattern.get("time_to_first_review").get("p90_seconds").asDouble())
                .isEqualTo(dismissSeconds, offset(1e-6));

        http.delete(INSIGHTS + "/" + dismissed);
        assertThat(http.get(url).json()).as("a later delete changes no figure").isEqualTo(answer);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http.post("/api/v1/admin/projections/insight-analytics/replay", "")
                                .status()
                        == 202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(url).json().equals(answer));
    }

    @Test
    void aBadRangeIsRefused() {
        assertThat(http.get("/api/v1/analytics/insights?from=yesterday").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/analytics/insights?from=2026-12-02&to=2026-11-01")
                        .status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/analytics/insights?from=2020-01-01&to=2026-01-01")
                        .status())
                .isEqualTo(422);
        assertThat(anonymous.get("/api/v1/analytics/insights").status()).isEqualTo(401);
    }

    private String insightOf(String type) {
        Http.Response created = http.post(INSIGHTS, """
                {"type": "%s", "title": "Analytics insight", "description": "d", "evidence": {},
                 "confidence": 0.5, "impact": "low"}""".formatted(type));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Seconds from the insight's creation to its {@code index}-th event, from its recorded history. */
    private double secondsToStep(String id, int index) {
        JsonNode events = http.get(INSIGHTS + "/" + id + "/history").json().get("events");
        Instant created = Instant.parse(events.get(0).get("timestamp").asText());
        Instant step = Instant.parse(events.get(index).get("timestamp").asText());
        return Duration.between(created, step).toNanos() / 1e9;
    }

    private static JsonNode type(JsonNode answer, String type) {
        for (JsonNode t : answer.get("by_type")) {
            if (t.get("type").asText().equals(type)) {
                return t.get("figures");
            }
        }
        throw new AssertionError("no type " + type + " in " + answer);
    }
}
