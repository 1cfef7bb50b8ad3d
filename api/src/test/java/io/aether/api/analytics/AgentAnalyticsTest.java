package io.aether.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * GET /analytics/agents over a scripted agent history made through the API: exact promotion and
 * rollback counts, every activation with the times of its events and how long it stayed active, and
 * the same answer after a rebuild of the agent-analytics projection.
 */
class AgentAnalyticsTest extends IntegrationTest {
    private static final String AGENTS = "/api/v1/agents";
    private static final String ANALYTICS = "/api/v1/analytics/agents";

    @Test
    void promotionsRollbacksAndActiveTimesOfAScriptedAgent() {
        assertThat(http.post(AGENTS + "/seed", (String) null).status()).isEqualTo(201);
        Http.Response clone = http.post(AGENTS + "/research/clone", (String) null);
        assertThat(clone.status()).as(clone.body()).isEqualTo(201);
        String name = clone.json().get("name").asText();
        assertThat(http.post(AGENTS + "/" + name + "/promote-all", (String) null)
                        .status())
                .isEqualTo(200);
        promoteConfig(name, "r0");
        promoteConfig(name, "r1");
        Http.Response rollback = http.post(AGENTS + "/" + name + "/config/rollback", (String) null);
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);

        JsonNode agent = find(name, "");
        assertThat(agent.get("config_promotions").asInt()).isEqualTo(3);
        assertThat(agent.get("config_rollbacks").asInt()).isEqualTo(1);
        assertThat(agent.get("prompt_promotions").asInt()).isEqualTo(1);
        assertThat(agent.get("prompt_rollbacks").asInt()).isZero();

        // The events' own times: clone, then promote-all's two promotions, two more, the rollback.
        List<JsonNode> events = new ArrayList<>();
        http.get(AGENTS + "/" + name + "/history").json().get("events").forEach(events::add);
        List<Instant> configTimes = events.stream()
                .filter(e -> e.get("type").asText().startsWith("AgentConfig")
                        && (e.get("type").asText().endsWith("Promoted")
                                || e.get("type").asText().endsWith("RolledBack")))
                .map(e -> Instant.parse(e.get("timestamp").asText()))
                .toList();
        assertThat(configTimes).hasSize(4);
        assertThat(agent.get("created_at").asText())
                .isEqualTo(events.get(0).get("timestamp").asText());

        JsonNode config = agent.get("config_activations");
        assertThat(config).hasSize(4);
        // Newest first: version 2 again (rolled back, active), then 3, 2, 1 (promoted, each ended by the next).
        int[] numbers = {2, 3, 2, 1};
        String[] causes = {"rolled_back", "promoted", "promoted", "promoted"};
        for (int i = 0; i < 4; i++) {
            JsonNode activation = config.get(i);
            Instant activated = configTimes.get(3 - i);
            assertThat(activation.get("number").asInt()).isEqualTo(numbers[i]);
            assertThat(activation.get("cause").asText()).isEqualTo(causes[i]);
            assertThat(Instant.parse(activation.get("activated_at").asText())).isEqualTo(activated);
            if (i == 0) {
                assertThat(activation.get("active").asBoolean()).isTrue();
                assertThat(activation.get("deactivated_at").isNull()).isTrue();
                assertThat(activation.get("active_seconds").isNull()).isTrue();
            } else {
                Instant ended = configTimes.get(4 - i);
                assertThat(activation.get("active").asBoolean()).isFalse();
                assertThat(Instant.parse(activation.get("deactivated_at").asText()))
                        .isEqualTo(ended);
                assertThat(activation.get("active_seconds").asDouble())
                        .isEqualTo(Duration.between(activated, ended).toNanos() / 1e9);
            }
        }
        JsonNode prompt = agent.get("prompt_activations");
        assertThat(prompt).hasSize(1);
        assertThat(prompt.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(prompt.get(0).get("active").asBoolean()).isTrue();

        // Fewer activations on request: the newest ones.
        JsonNode two = find(name, "&activations=2");
        assertThat(two.get("config_activations")).hasSize(2);
        assertThat(two.get("config_activations").get(1).get("number").asInt()).isEqualTo(3);

        // Rebuilt from the events, the read model answers the same.
        String before = http.get(ANALYTICS + "?limit=100").body();
        String mine = find(name, "").toString();
        Http.Response rebuild = http.post("/api/v1/projections/agent-analytics/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        awaitCaughtUp("agent-analytics");
        assertThat(http.get(ANALYTICS + "?limit=100").body()).isEqualTo(before);
        assertThat(find(name, "").toString()).isEqualTo(mine);
    }

    @Test
    void pagesAreBoundedAndTheAnswerMatchesTheDocument() {
        assertThat(http.post(AGENTS + "/seed", (String) null).status()).isEqualTo(201);
        Http.Response page = http.get(ANALYTICS + "?limit=2");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(13);
        String first = page.json().get("items").get(0).get("name").asText();
        String second = page.json().get("items").get(1).get("name").asText();
        assertThat(first).isLessThan(second);
        assertThat(http.get(ANALYTICS + "?limit=1&offset=1")
                        .json()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo(second);

        OpenApiContract contract =
                new OpenApiContract(anonymous.get("/api/openapi.json").json());
        assertThat(contract.problems("GET", ANALYTICS, 200, page.body())).isEmpty();
        for (String bad : List.of("?limit=0", "?limit=101", "?offset=-1", "?activations=0", "?activations=101")) {
            Http.Response refused = http.get(ANALYTICS + bad);
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.json().get("error").get("correlation_id").asText())
                    .isNotBlank();
            assertThat(contract.problems("GET", ANALYTICS, refused.status(), refused.body()))
                    .isEmpty();
        }
        assertThat(http.get(ANALYTICS + "?limit=ten").status()).isEqualTo(400);
        assertThat(anonymous.get(ANALYTICS).status()).isEqualTo(401);
    }

    private void promoteConfig(String name, String model) {
        Http.Response draft =
                http.post(AGENTS + "/" + name + "/config/versions", "{\"model_name\": \"" + model + "\"}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Http.Response promoted = http.post(
                AGENTS + "/" + name + "/config/versions/"
                        + draft.json().get("id").asText() + "/promote",
                (String) null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
    }

    /** The agent's entry, looked up page by page (other tests' agents share the database). */
    private JsonNode find(String name, String extra) {
        for (int offset = 0; ; offset += 100) {
            Http.Response page = http.get(ANALYTICS + "?limit=100&offset=" + offset + extra);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode items = page.json().get("items");
            for (JsonNode item : items) {
                if (item.get("name").asText().equals(name)) {
                    return item;
                }
            }
            assertThat(items.size()).as("agent " + name + " not listed").isEqualTo(100);
        }
    }

    private void awaitCaughtUp(String projection) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<JsonNode> mine = StreamSupport.stream(
                                    http.get("/api/v1/projections").json().spliterator(), false)
                            .filter(p -> p.get("name").asText().equals(projection))
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
