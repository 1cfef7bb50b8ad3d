package io.aether.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GET /analytics/proposals and its SVG over a scripted history made through the API: exact funnel,
 * rates and step counts, lead-time percentiles equal to those of the events' own timestamps, the
 * same answers after a rebuild of the projection, and bad ranges refused before anything is read.
 */
class ProposalAnalyticsTest extends IntegrationTest {
    private static final String ANALYTICS = "/api/v1/analytics/proposals";

    /** The steps the scripted history adds, by name; every other step adds nothing. */
    private static final Map<String, Long> SCRIPTED_STEPS = Map.of(
            "created", 5L,
            "approved", 3L,
            "rejected", 1L,
            "deployment_requested", 3L,
            "deployed", 2L,
            "deployment_failed", 1L,
            "rollback_requested", 1L,
            "rolled_back", 1L);

    @Test
    void scriptedHistoryGivesExactNumbersAndARebuildGivesTheSameAnswers() throws Exception {
        Instant start = Instant.now();
        String days = "?from=" + day(start) + "&to=" + day(start.plus(Duration.ofDays(1)));
        Map<String, Long> stepsBefore = stepTotals(get(ANALYTICS + days));

        // Deployed, then rolled back.
        String rolledBack = createDeployed();
        Http.Response rollback = http.post("/api/v1/proposals/" + rolledBack + "/rollback", "{}");
        assertThat(rollback.json().get("success").asBoolean())
                .as(rollback.body())
                .isTrue();
        // One failed deployment (Home Assistant down), then a good one.
        String retried = createApproved();
        HA.setAvailable(false);
        assertThat(http.post("/api/v1/proposals/" + retried + "/deploy", "{}")
                        .json()
                        .get("success")
                        .asBoolean())
                .isFalse();
        HA.setAvailable(true);
        Http.Response deploy = http.post("/api/v1/proposals/" + retried + "/deploy", "{}");
        assertThat(deploy.json().get("success").asBoolean()).as(deploy.body()).isTrue();
        // Approved only, rejected, and just created.
        String approved = createApproved();
        String rejected = create(AUTOMATION);
        assertThat(http.post("/api/v1/proposals/" + rejected + "/reject", "{\"reason\": \"no\"}")
                        .status())
                .isEqualTo(200);
        create(AUTOMATION);
        Instant end = Instant.now();
        String window = "?from=" + start + "&to=" + end;

        JsonNode answer = get(ANALYTICS + window);
        assertThat(answer.get("from").asText()).isEqualTo(start.toString());
        assertThat(answer.get("to").asText()).isEqualTo(end.toString());
        assertThat(answer.get("bucket").asText()).isEqualTo("day");
        JsonNode funnel = answer.get("funnel");
        assertThat(funnel.get("created").asLong()).isEqualTo(5);
        assertThat(funnel.get("approved").asLong()).isEqualTo(3);
        assertThat(funnel.get("rejected").asLong()).isEqualTo(1);
        assertThat(funnel.get("deployed").asLong()).isEqualTo(2);
        assertThat(funnel.get("rolled_back").asLong()).isEqualTo(1);
        assertThat(answer.get("deployments_succeeded").asLong()).isEqualTo(2);
        assertThat(answer.get("deployments_failed").asLong()).isEqualTo(1);
        assertThat(answer.get("deploy_failure_rate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(answer.get("rollback_rate").asDouble()).isCloseTo(0.5, within(1e-9));

        // Lead times: percentiles (linear interpolation, as percentile_cont) of the events' own times.
        List<Double> toApproval = new ArrayList<>();
        List<Double> toDeployment = new ArrayList<>();
        for (String id : List.of(rolledBack, retried, approved)) {
            Map<String, Instant> first = firstTimes(id);
            toApproval.add(seconds(first.get("ProposalCreated"), first.get("ProposalApproved")));
            if (first.containsKey("ProposalDeployed")) {
                toDeployment.add(seconds(first.get("ProposalApproved"), first.get("ProposalDeployed")));
            }
        }
        assertLeadTime(answer.get("lead_times").get("created_to_approved"), toApproval);
        assertLeadTime(answer.get("lead_times").get("approved_to_deployed"), toDeployment);

        // The buckets of the window: every day it touches, with the cohort's lead times.
        JsonNode buckets = answer.get("buckets");
        assertThat(buckets.size())
                .isEqualTo(
                        start.atOffset(ZoneOffset.UTC)
                                        .toLocalDate()
                                        .equals(end.atOffset(ZoneOffset.UTC).toLocalDate())
                                ? 1
                                : 2);
        assertThat(buckets.get(0).get("start").asText()).isEqualTo(day(start));
        long bucketApprovals = StreamSupport.stream(buckets.spliterator(), false)
                .mapToLong(b -> b.get("lead_times")
                        .get("created_to_approved")
                        .get("count")
                        .asLong())
                .sum();
        assertThat(bucketApprovals).isEqualTo(3);

        // Step counts per day: exactly the scripted steps were added.
        Map<String, Long> stepsAfter = stepTotals(get(ANALYTICS + days));
        assertThat(stepsAfter.keySet()).containsAll(SCRIPTED_STEPS.keySet());
        stepsAfter.forEach((step, n) ->
                assertThat(n - stepsBefore.get(step)).as(step).isEqualTo(SCRIPTED_STEPS.getOrDefault(step, 0L)));

        // Week buckets: one per ISO week, starting on a Monday, the same totals as the days.
        JsonNode weeks = get(ANALYTICS + days + "&bucket=week");
        assertThat(weeks.get("bucket").asText()).isEqualTo("week");
        assertThat(StreamSupport.stream(weeks.get("buckets").spliterator(), false)
                        .map(b -> java.time.LocalDate.parse(b.get("start").asText())
                                .getDayOfWeek()))
                .containsOnly(java.time.DayOfWeek.MONDAY);
        assertThat(stepTotals(weeks)).isEqualTo(stepsAfter);

        // The picture: well-formed SVG carrying the funnel's numbers.
        Http.Response svg = http.get(ANALYTICS + ".svg" + window);
        assertThat(svg.status()).as(svg.body()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        Document document = parse(svg.body());
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(funnelCounts(document))
                .containsExactly(
                        Map.entry("created", 5L),
                        Map.entry("approved", 3L),
                        Map.entry("deployed", 2L),
                        Map.entry("rolled back", 1L));
        assertThat(document.getDocumentElement().getTextContent())
                .contains("deploy failure rate 33.3%")
                .contains("rollback rate 50.0%");
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline")
                        .getLength())
                .isEqualTo(4);

        // The read model is disposable: rebuilt from the events, it answers the same.
        String windowBody = http.get(ANALYTICS + window).body();
        String daysBody = http.get(ANALYTICS + days).body();
        String weeksBody = http.get(ANALYTICS + days + "&bucket=week").body();
        Http.Response rebuild = http.post("/api/v1/projections/proposal-analytics/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        awaitAnalyticsCaughtUp();
        assertThat(http.get(ANALYTICS + window).body()).isEqualTo(windowBody);
        assertThat(http.get(ANALYTICS + days).body()).isEqualTo(daysBody);
        assertThat(http.get(ANALYTICS + days + "&bucket=week").body()).isEqualTo(weeksBody);
        assertThat(http.get(ANALYTICS + ".svg" + window).body()).isEqualTo(svg.body());
    }

    @Test
    void anEmptyRangeHasNoFiguresAndTheAnswerMatchesTheDocument() {
        Http.Response response = http.get(ANALYTICS + "?from=2001-02-03&to=2001-02-04");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("from").asText()).isEqualTo("2001-02-03T00:00:00Z");
        assertThat(answer.get("to").asText()).isEqualTo("2001-02-05T00:00:00Z");
        assertThat(answer.get("funnel").get("created").asLong()).isZero();
        assertThat(answer.get("deploy_failure_rate").isNull()).isTrue();
        assertThat(answer.get("rollback_rate").isNull()).isTrue();
        assertThat(answer.get("lead_times")
                        .get("created_to_approved")
                        .get("p50_seconds")
                        .isNull())
                .isTrue();
        assertThat(answer.get("buckets")).hasSize(2);
        assertThat(answer.get("buckets").get(1).get("start").asText()).isEqualTo("2001-02-04");
        assertThat(answer.get("buckets").get(1).get("counts").get("created").asLong())
                .isZero();

        Http.Response document = anonymous.get("/api/openapi.json");
        OpenApiContract contract = new OpenApiContract(document.json());
        assertThat(contract.problems("GET", ANALYTICS, 200, response.body())).isEmpty();
        Http.Response withData = http.get(ANALYTICS);
        assertThat(contract.problems("GET", ANALYTICS, 200, withData.body())).isEmpty();
        Http.Response invalid = http.get(ANALYTICS + "?bucket=month");
        assertThat(contract.problems("GET", ANALYTICS, invalid.status(), invalid.body()))
                .isEmpty();
    }

    @Test
    void badRangesAreRefusedInTheErrorEnvelope() {
        assertError(http.get(ANALYTICS + "?from=yesterday"), 400, "'from'");
        assertError(http.get(ANALYTICS + "?to=2026-13-01"), 400, "'to'");
        assertError(http.get(ANALYTICS + "?bucket=month"), 400, "'bucket'");
        assertError(http.get(ANALYTICS + "?from=2026-03-02&to=2026-03-01"), 422, "'from' must not be after 'to'");
        assertError(http.get(ANALYTICS + "?from=2025-01-01&to=2026-01-02"), 422, "366 days");
        assertError(http.get(ANALYTICS + "?from=2020-01-01&to=2026-01-01&bucket=week"), 422, "1830 days");
        assertError(http.get(ANALYTICS + "?from=-0001-01-01T00:00:00Z&to=0001-01-02"), 422, "between the years");
        assertError(http.get(ANALYTICS + ".svg?from=2026-03-02&to=2026-03-01"), 422, "'from'");
        // A year of day buckets and five of week buckets are fine.
        assertThat(http.get(ANALYTICS + "?from=2025-01-01&to=2025-12-31").status())
                .isEqualTo(200);
        assertThat(http.get(ANALYTICS + "?from=2021-01-01T00:00:00%2B02:00&to=2025-12-31&bucket=WEEK")
                        .status())
                .isEqualTo(200);
        // Both need a credential.
        assertThat(anonymous.get(ANALYTICS).status()).isEqualTo(401);
        assertThat(anonymous.get(ANALYTICS + ".svg").status()).isEqualTo(401);
    }

    private void assertError(Http.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json().get("error");
        assertThat(error.get("message").asText()).contains(message);
        assertThat(error.get("correlation_id").asText()).isNotBlank();
    }

    private JsonNode get(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Each step's count summed over the buckets. */
    private static Map<String, Long> stepTotals(JsonNode answer) {
        Map<String, Long> totals = new HashMap<>();
        for (JsonNode bucket : answer.get("buckets")) {
            bucket.get("counts")
                    .fields()
                    .forEachRemaining(e -> totals.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        return totals;
    }

    /** The time of the first event of each type in a proposal's history. */
    private Map<String, Instant> firstTimes(String id) {
        Map<String, Instant> first = new HashMap<>();
        for (JsonNode event :
                http.get("/api/v1/proposals/" + id + "/history").json().get("events")) {
            first.putIfAbsent(
                    event.get("type").asText(),
                    Instant.parse(event.get("timestamp").asText()));
        }
        return first;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static void assertLeadTime(JsonNode leadTime, List<Double> values) {
        assertThat(leadTime.get("count").asLong()).isEqualTo(values.size());
        assertThat(leadTime.get("p50_seconds").asDouble()).isCloseTo(percentile(values, 0.5), within(1e-5));
        assertThat(leadTime.get("p90_seconds").asDouble()).isCloseTo(percentile(values, 0.9), within(1e-5));
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the sorted values. */
    private static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted().toList();
        double rank = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (rank - below);
    }

    private static String day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Long> funnelCounts(Document document) {
        Map<String, Long> counts = new LinkedHashMap<>();
        NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").equals("funnel-step")) {
                long count = Long.parseLong(group.getAttribute("data-count"));
                assertThat(group.getTextContent()).contains(Long.toString(count));
                counts.put(group.getAttribute("data-step"), count);
            }
        }
        return counts;
    }

    /** Waits until the proposal-analytics processor holds its segment, is at the head and not replaying. */
    private void awaitAnalyticsCaughtUp() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode processors = http.get("/api/v1/projections").json();
                    List<JsonNode> mine = StreamSupport.stream(processors.spliterator(), false)
                            .filter(p -> p.get("name").asText().equals("proposal-analytics"))
                            .toList();
                    return !mine.isEmpty()
                            && mine.stream()
                                    .allMatch(p -> !p.get("replaying").asBoolean()
                                            && p.get("lag").isNumber()
                                            && p.get("lag").asLong() == 0
                                            && p.get("segments").asInt()
                                                    == p.get("total_segments").asInt());
                });
    }
}
