package io.aether.api.agent;

import static io.aether.api.agent.AgentApi.AGENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every agent endpoint over HTTP on PostgreSQL, with its error cases; refused requests append nothing. */
class AgentEndpointsTest extends IntegrationTest {
    private static final Set<String> SEEDED = Set.copyOf(AgentSeedTest.ORIGINAL_AGENTS);

    private AgentApi api;

    @BeforeEach
    void api() {
        api = new AgentApi(http);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    // ---- seed, lists, get ----

    @Test
    void seedingCreatesTheThirteenAgentsOnceWithActiveConfigsAndPrompts() {
        http.post(AGENTS + "/seed", (String) null);
        long before = eventCount();
        Http.Response again = http.post(AGENTS + "/seed", (String) null);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("agents_seeded").asInt()).isZero();
        assertThat(again.json().get("configs_created").asInt()).isZero();
        assertThat(again.json().get("prompts_created").asInt()).isZero();
        assertThat(eventCount()).isEqualTo(before);

        JsonNode agents = http.get(AGENTS + "?limit=500").json();
        List<String> names = list(agents.get("agents")).stream()
                .map(a -> a.get("name").asText())
                .toList();
        assertThat(names).containsAll(SEEDED);
        JsonNode architect = api.agent("architect");
        assertThat(architect.get("active_config").get("version").asText()).isEqualTo("0.1.0");
        assertThat(architect.get("active_config").get("tools_enabled")).isNotEmpty();
        assertThat(architect.get("active_config").get("tool_groups_enabled").toString())
                .contains("ha_entity_query");
        assertThat(architect.get("active_prompt").get("prompt_template").asText())
                .contains("Architect");
        assertThat(architect.get("active_config_version_id").asText())
                .isEqualTo(architect.get("active_config").get("id").asText());
        assertThat(architect.get("version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void theListIsByNameAndPagesByOffsetAndCursor() {
        api.seed();
        List<String> all = list(http.get(AGENTS + "?limit=500").json().get("agents")).stream()
                .map(a -> a.get("name").asText())
                .toList();
        assertThat(all).isSorted();
        Http.Response first = http.get(AGENTS + "?limit=2");
        assertThat(first.json().get("agents")).hasSize(2);
        assertThat(first.json().get("total").asLong()).isEqualTo(all.size());
        String next = first.json().get("next_after").asText();
        assertThat(next).isEqualTo(all.get(1));
        List<String> second = list(
                        http.get(AGENTS + "?limit=2&after=" + next).json().get("agents"))
                .stream()
                .map(a -> a.get("name").asText())
                .toList();
        assertThat(second).containsExactly(all.get(2), all.get(3));
        List<String> byOffset = list(
                        http.get(AGENTS + "?limit=2&offset=2").json().get("agents"))
                .stream()
                .map(a -> a.get("name").asText())
                .toList();
        assertThat(byOffset).isEqualTo(second);
        assertThat(http.get(AGENTS + "?limit=0").status()).isEqualTo(422);
        assertThat(http.get(AGENTS + "?offset=-1").status()).isEqualTo(422);
    }

    @Test
    void availableListsRoutableAgentsThatAreNotDisabled() {
        String agent = api.fresh();
        JsonNode available = http.get(AGENTS + "/available").json();
        List<String> names = list(available.get("agents")).stream()
                .map(a -> a.get("name").asText())
                .toList();
        assertThat(names).contains("architect", agent).doesNotContain("categorizer", "orchestrator");
        assertThat(available.get("total").asLong()).isEqualTo(names.size());
        assertThat(list(available.get("agents")).get(0).has("intent_patterns")).isTrue();

        assertThat(api.patch(AGENTS + "/" + agent, "{\"status\": \"disabled\"}").status())
                .isEqualTo(200);
        // read-your-writes: the next read of the list shows the change
        assertThat(list(http.get(AGENTS + "/available").json().get("agents")).stream()
                        .map(a -> a.get("name").asText()))
                .doesNotContain(agent);
    }

    @Test
    void aCloneIsListedByTheNextReadAfterTheAnswer() {
        api.seed();
        for (int i = 0; i < 3; i++) {
            Http.Response clone = http.post(AGENTS + "/knowledge/clone", (String) null);
            assertThat(clone.status()).as(clone.body()).isEqualTo(201);
            String name = clone.json().get("name").asText();
            assertThat(list(http.get(AGENTS + "?limit=500").json().get("agents")).stream()
                            .map(a -> a.get("name").asText()))
                    .contains(name);
            assertThat(list(http.get(AGENTS + "/available").json().get("agents")).stream()
                            .map(a -> a.get("name").asText()))
                    .contains(name);
            assertThat(list(http.get(AGENTS + "/" + name + "/prompt/versions").json()))
                    .hasSize(1);
        }
    }

    @Test
    void promotionAndRollbackHonourIfMatch() {
        String agent = api.fresh();
        String draft = api.configDraft(agent, "{\"model_name\": \"guarded\"}");
        String stale = "\"1\"";
        long before = eventCount();
        assertThat(http.post(
                                AGENTS + "/" + agent + "/config/versions/" + draft + "/promote",
                                null,
                                Map.of("If-Match", stale))
                        .status())
                .isEqualTo(409);
        assertThat(http.post(AGENTS + "/" + agent + "/config/rollback", null, Map.of("If-Match", stale))
                        .status())
                .isEqualTo(409);
        assertThat(http.post(AGENTS + "/" + agent + "/promote-all", null, Map.of("If-Match", stale))
                        .status())
                .isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
        String etag = http.get(AGENTS + "/" + agent).header("ETag");
        assertThat(http.post(
                                AGENTS + "/" + agent + "/config/versions/" + draft + "/promote",
                                null,
                                Map.of("If-Match", etag))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownAgentIs404EverywhereAndAppendsNothing() {
        long before = eventCount();
        String missing = AGENTS + "/nobody_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.get(missing).status()).isEqualTo(404);
        assertThat(http.get(missing + "/config/versions").status()).isEqualTo(404);
        assertThat(http.get(missing + "/prompt/versions").status()).isEqualTo(404);
        assertThat(http.get(missing + "/history").status()).isEqualTo(404);
        assertThat(api.patch(missing, "{\"status\": \"enabled\"}").status()).isEqualTo(404);
        assertThat(http.post(missing + "/clone", (String) null).status()).isEqualTo(404);
        assertThat(api.patch(missing + "/model", "{\"model_name\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(http.post(missing + "/config/versions", "{}").status()).isEqualTo(404);
        assertThat(http.post(missing + "/config/rollback", (String) null).status())
                .isEqualTo(404);
        assertThat(http.post(missing + "/promote-all", (String) null).status()).isEqualTo(404);
        Http.Response error = http.get(missing);
        assertThat(error.json().get("error").get("type").asText()).isEqualTo("not_found");
        assertThat(eventCount()).isEqualTo(before);
    }

    // ---- status ----

    @Test
    void statusTransitionsFollowTheOriginalAndRefuseTheRest() {
        String agent = api.fresh();
        Http.Response disabled = api.patch(AGENTS + "/" + agent, "{\"status\": \"disabled\"}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("status").asText()).isEqualTo("disabled");

        long before = eventCount();
        Http.Response illegal = api.patch(AGENTS + "/" + agent, "{\"status\": \"primary\"}");
        assertThat(illegal.status()).as(illegal.body()).isEqualTo(409);
        assertThat(illegal.json().get("error").get("message").asText()).contains("disabled");
        Http.Response badValue = api.patch(AGENTS + "/" + agent, "{\"status\": \"boss\"}");
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json()
                        .get("error")
                        .get("details")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("status");
        assertThat(api.patch(AGENTS + "/" + agent, "{}").status()).isEqualTo(422);
        assertThat(api.patch(AGENTS + "/" + agent, "{\"status\": \"enabled\"}", Map.of("If-Match", "\"1\""))
                        .status())
                .isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);

        // The ETag is the agent's event count ("version" in the body is its semver label).
        String etag = http.get(AGENTS + "/" + agent).header("ETag");
        Http.Response enabled = api.patch(AGENTS + "/" + agent, "{\"status\": \"enabled\"}", Map.of("If-Match", etag));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
    }

    @Test
    void makingOneAgentPrimaryDemotesTheOldPrimaryInTheSameRequest() {
        String first = api.fresh();
        String second = api.fresh();
        assertThat(api.patch(AGENTS + "/" + first, "{\"status\": \"primary\"}").status())
                .isEqualTo(200);
        String correlation = "primary-" + UUID.randomUUID();
        Http.Response promoted =
                api.patch(AGENTS + "/" + second, "{\"status\": \"primary\"}", Map.of("X-Correlation-ID", correlation));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("status").asText()).isEqualTo("primary");

        assertThat(api.agent(first).get("status").asText()).isEqualTo("enabled");
        List<JsonNode> primaries = list(http.get(AGENTS + "?limit=500").json().get("agents")).stream()
                .filter(a -> a.get("status").asText().equals("primary"))
                .toList();
        assertThat(primaries).extracting(a -> a.get("name").asText()).containsExactly(second);

        List<JsonNode> events =
                list(http.get(AGENTS + "/" + first + "/history").json().get("events"));
        JsonNode demotion = events.get(events.size() - 1);
        assertThat(demotion.get("type").asText()).isEqualTo("AgentStatusChanged");
        assertThat(demotion.get("correlation_id").asText()).isEqualTo(correlation);
        assertThat(demotion.get("reason").asText()).contains(second);
        assertThat(demotion.get("actor").get("name").asText()).isEqualTo(OWNER);
    }

    @Test
    void concurrentPrimaryChangesLeaveExactlyOnePrimary() throws Exception {
        List<String> agents = List.of(api.fresh(), api.fresh(), api.fresh(), api.fresh());
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String agent : agents) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.patch(AGENTS + "/" + agent, "{\"status\": \"primary\"}")
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdown();
        }
        long primaries = list(http.get(AGENTS + "?limit=500").json().get("agents")).stream()
                .filter(a -> a.get("status").asText().equals("primary"))
                .count();
        assertThat(primaries).isEqualTo(1);
    }

    // ---- clone and model switch ----

    @Test
    void clonesAreNamedCopyThenCopy2AndStartWithDrafts() {
        String agent = api.fresh();
        Http.Response first = http.post(AGENTS + "/" + agent + "/clone", (String) null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("name").asText()).isEqualTo(agent + "_copy");
        assertThat(first.header("Location")).isEqualTo(AGENTS + "/" + agent + "_copy");
        assertThat(first.json().get("status").asText()).isEqualTo("enabled");
        assertThat(first.json().get("active_config").isNull()).isTrue();
        Http.Response second = http.post(AGENTS + "/" + agent + "/clone", (String) null);
        assertThat(second.json().get("name").asText()).isEqualTo(agent + "_copy2");

        List<JsonNode> drafts =
                list(http.get(AGENTS + "/" + agent + "_copy/config/versions").json());
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).get("status").asText()).isEqualTo("draft");
        assertThat(drafts.get(0).get("model_name").asText())
                .isEqualTo(
                        api.agent(agent).get("active_config").get("model_name").asText());
    }

    @Test
    void theQuickModelSwitchDraftsAndPromotesInOneRequest() {
        String agent = api.fresh();
        Http.Response switched = api.patch(AGENTS + "/" + agent + "/model", "{\"model_name\": \"llama3.1:8b\"}");
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        JsonNode config = switched.json().get("active_config");
        assertThat(config.get("model_name").asText()).isEqualTo("llama3.1:8b");
        assertThat(config.get("version_number").asInt()).isEqualTo(2);
        assertThat(config.get("version").asText()).isEqualTo("0.1.1");

        api.configDraft(agent, "{\"temperature\": 0.1}");
        long before = eventCount();
        assertThat(api.patch(AGENTS + "/" + agent + "/model", "{\"model_name\": \"other\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.patch(AGENTS + "/" + agent + "/model", "{\"model_name\": \"\"}")
                        .status())
                .isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before);
    }

    // ---- config versions ----

    @Test
    void configDraftsCanBeEditedDeletedAndPromotedInAChain() {
        String agent = api.fresh();
        String base = AGENTS + "/" + agent + "/config/versions";
        Http.Response created = http.post(
                base,
                "{\"model_name\": \"m2\", \"temperature\": 0.3, \"tools_enabled\": [\"list_entities_by_domain\"],"
                        + " \"tool_groups_enabled\": [\"diagnostics\"], \"change_summary\": \"try m2\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode draft = created.json();
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("version_number").asInt()).isEqualTo(2);
        assertThat(draft.get("version").isNull()).isTrue();
        assertThat(draft.get("agent_id").asText())
                .isEqualTo(api.agent(agent).get("id").asText());
        assertThat(draft.get("tool_groups_enabled").get(0).asText()).isEqualTo("diagnostics");
        String id = draft.get("id").asText();

        long before = eventCount();
        Http.Response second = http.post(base, "{\"model_name\": \"m3\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("error").get("message").asText()).contains("edit or delete it first");
        assertThat(eventCount()).isEqualTo(before);

        Http.Response edited = api.patch(base + "/" + id, "{\"temperature\": 1.2}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("temperature").asDouble()).isEqualTo(1.2);
        assertThat(edited.json().get("model_name").asText()).isEqualTo("m2");

        Http.Response promoted = http.post(base + "/" + id + "/promote?bump_type=minor", (String) null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("status").asText()).isEqualTo("active");
        assertThat(promoted.json().get("version").asText()).isEqualTo("0.2.0");
        assertThat(promoted.json().get("promoted_at").isNull()).isFalse();
        JsonNode v3 = api.promoteConfig(agent, "m3");
        assertThat(v3.get("version").asText()).isEqualTo("0.2.1");
        assertThat(v3.get("version_number").asInt()).isEqualTo(3);

        List<JsonNode> versions = list(http.get(base).json());
        assertThat(versions).extracting(v -> v.get("version_number").asInt()).containsExactly(3, 2, 1);
        assertThat(versions)
                .extracting(v -> v.get("status").asText())
                .containsExactly("active", "archived", "archived");
        assertThat(api.agent(agent).get("active_config").get("model_name").asText())
                .isEqualTo("m3");

        before = eventCount();
        assertThat(api.patch(base + "/" + id, "{\"temperature\": 1.0}").status())
                .isEqualTo(409);
        assertThat(http.delete(base + "/" + id).status()).isEqualTo(409);
        assertThat(http.post(base + "/" + id + "/promote", (String) null).status())
                .isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);

        String doomed = api.configDraft(agent, "{\"model_name\": \"m4\"}");
        assertThat(http.delete(base + "/" + doomed).status()).isEqualTo(204);
        assertThat(http.delete(base + "/" + doomed).status()).isEqualTo(404);
        assertThat(list(http.get(base).json())).hasSize(3);
        assertThat(api.configDraft(agent, "{\"model_name\": \"m5\"}")).isNotEqualTo(doomed);
        assertThat(list(http.get(base).json()).get(0).get("version_number").asInt())
                .isEqualTo(5);
    }

    @Test
    void aVersionOfAnotherAgentIs404AndAppendsNothing() {
        String mine = api.fresh();
        String theirs = api.fresh();
        String foreign = api.configDraft(theirs, "{\"model_name\": \"x\"}");
        long before = eventCount();
        String base = AGENTS + "/" + mine + "/config/versions/" + foreign;
        assertThat(http.post(base + "/promote", (String) null).status()).isEqualTo(404);
        assertThat(api.patch(base, "{\"model_name\": \"y\"}").status()).isEqualTo(404);
        assertThat(http.delete(base).status()).isEqualTo(404);
        assertThat(http.post(AGENTS + "/" + mine + "/prompt/versions/" + foreign + "/promote", (String) null)
                        .status())
                .isEqualTo(404);
        assertThat(http.delete(AGENTS + "/" + mine + "/config/versions/not-a-uuid")
                        .status())
                .isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badConfigAndPromptInputIs422WithFieldDetailsAndAppendsNothing() {
        String agent = api.fresh();
        String configs = AGENTS + "/" + agent + "/config/versions";
        long before = eventCount();
        assertField(http.post(configs, "{\"temperature\": 2.5}"), "temperature");
        assertField(http.post(configs, "{\"temperature\": -0.1}"), "temperature");
        assertField(
                http.post(configs, "{\"tools_enabled\": [\"list_entities_by_domain\", \"rm_rf\"]}"), "tools_enabled");
        assertField(http.post(configs, "{\"tool_groups_enabled\": [\"no_such_group\"]}"), "tool_groups_enabled");
        assertField(http.post(configs, "{\"bump_type\": \"huge\"}"), "bump_type");
        assertField(http.post(configs, "{\"model_name\": \"" + "m".repeat(101) + "\"}"), "model_name");
        String prompts = AGENTS + "/" + agent + "/prompt/versions";
        assertField(http.post(prompts, Map.of("prompt_template", "x".repeat(50_001))), "prompt_template");
        assertField(http.post(prompts, "{\"prompt_template\": \"\"}"), "prompt_template");
        assertField(http.post(prompts, "{}"), "prompt_template");

        String draft = api.configDraft(agent, "{\"model_name\": \"ok\"}");
        before = eventCount();
        assertField(api.patch(configs + "/" + draft, "{\"temperature\": 3}"), "temperature");
        assertField(api.patch(configs + "/" + draft, "{\"tools_enabled\": [\"nope\"]}"), "tools_enabled");
        Http.Response badBump = http.post(configs + "/" + draft + "/promote?bump_type=huge", (String) null);
        assertThat(badBump.status()).isEqualTo(422);
        assertThat(badBump.json().get("error").get("message").asText()).contains("bump_type");
        assertThat(http.post(AGENTS + "/" + agent + "/promote-all?bump_type=tiny", (String) null)
                        .status())
                .isEqualTo(422);
        assertThat(http.post(AGENTS + "/" + agent + "/config/rollback", "{\"to_version\": 0}")
                        .status())
                .isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before);
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode error = response.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("validation_error");
        assertThat(list(error.get("details")))
                .extracting(d -> d.get("field").asText())
                .contains(field);
    }

    // ---- rollback by replay ----

    @Test
    void configRollbackWalksBackAlongThePromotionsAndKeepsTheDraft() {
        String agent = api.fresh();
        String model1 = api.agent(agent).get("active_config").get("model_name").asText();
        api.promoteConfig(agent, "m2");
        api.promoteConfig(agent, "m3");
        String draft = api.configDraft(agent, "{\"model_name\": \"pending\"}");
        String rollback = AGENTS + "/" + agent + "/config/rollback";

        Http.Response once = http.post(rollback, (String) null);
        assertThat(once.status()).as(once.body()).isEqualTo(200);
        assertThat(once.json().get("version_number").asInt()).isEqualTo(2);
        assertThat(once.json().get("status").asText()).isEqualTo("active");
        assertThat(once.json().get("model_name").asText()).isEqualTo("m2");
        assertThat(api.agent(agent).get("active_config").get("model_name").asText())
                .isEqualTo("m2");

        Http.Response twice = http.post(rollback, "{}");
        assertThat(twice.json().get("version_number").asInt()).isEqualTo(1);
        assertThat(twice.json().get("model_name").asText()).isEqualTo(model1);

        long before = eventCount();
        Http.Response nothing = http.post(rollback, (String) null);
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("error").get("message").asText()).contains("nothing earlier");
        assertThat(eventCount()).isEqualTo(before);

        Http.Response named = http.post(rollback, "{\"to_version\": 3}");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().get("model_name").asText()).isEqualTo("m3");

        before = eventCount();
        assertThat(http.post(rollback, "{\"to_version\": 4}").status()).isEqualTo(409); // the draft: never active
        assertThat(http.post(rollback, "{\"to_version\": 3}").status()).isEqualTo(409); // active already
        assertThat(http.post(rollback, "{\"to_version\": 99}").status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);

        List<JsonNode> versions =
                list(http.get(AGENTS + "/" + agent + "/config/versions").json());
        assertThat(versions.get(0).get("id").asText()).isEqualTo(draft);
        assertThat(versions.get(0).get("status").asText()).isEqualTo("draft");
        assertThat(versions.stream().filter(v -> v.get("status").asText().equals("active")))
                .hasSize(1);
    }

    @Test
    void promptRollbackAndPromptDrafts() {
        String agent = api.fresh();
        String original =
                api.agent(agent).get("active_prompt").get("prompt_template").asText();
        JsonNode second = api.promotePrompt(agent, "Second prompt");
        assertThat(second.get("version").asText()).isEqualTo("0.1.1");
        Http.Response back = http.post(AGENTS + "/" + agent + "/prompt/rollback", (String) null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("prompt_template").asText()).isEqualTo(original);
        assertThat(api.agent(agent).get("active_prompt").get("prompt_template").asText())
                .isEqualTo(original);

        String base = AGENTS + "/" + agent + "/prompt/versions";
        Http.Response draft = http.post(base, "{\"prompt_template\": \"Third\", \"change_summary\": \"c\"}");
        assertThat(draft.status()).isEqualTo(201);
        String id = draft.json().get("id").asText();
        assertThat(http.post(base, "{\"prompt_template\": \"Fourth\"}").status())
                .isEqualTo(409);
        Http.Response edited = api.patch(base + "/" + id, "{\"prompt_template\": \"Third, better\"}");
        assertThat(edited.json().get("prompt_template").asText()).isEqualTo("Third, better");
        assertThat(edited.json().get("change_summary").asText()).isEqualTo("c");
        assertThat(http.delete(base + "/" + id).status()).isEqualTo(204);
        assertThat(list(http.get(base).json())).hasSize(2);
    }

    // ---- promote-all ----

    @Test
    void promoteAllPromotesWhicheverDraftsExistAndSaysWhich() {
        String agent = api.fresh();
        api.configDraft(agent, "{\"model_name\": \"both\"}");
        http.post(AGENTS + "/" + agent + "/prompt/versions", "{\"prompt_template\": \"Both\"}");
        Http.Response both = http.post(AGENTS + "/" + agent + "/promote-all?bump_type=major", (String) null);
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.json().get("config").get("version").asText()).isEqualTo("1.0.0");
        assertThat(both.json().get("prompt").get("version").asText()).isEqualTo("1.0.0");
        assertThat(both.json().get("message").asText()).contains("config and the prompt");

        http.post(AGENTS + "/" + agent + "/prompt/versions", "{\"prompt_template\": \"Only prompt\"}");
        Http.Response prompt = http.post(AGENTS + "/" + agent + "/promote-all", (String) null);
        assertThat(prompt.json().get("config").isNull()).isTrue();
        assertThat(prompt.json().get("prompt").get("version").asText()).isEqualTo("1.0.1");

        long before = eventCount();
        Http.Response none = http.post(AGENTS + "/" + agent + "/promote-all", (String) null);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("message").asText()).isEqualTo("No drafts to promote");
        assertThat(eventCount()).isEqualTo(before);
    }

    // ---- races ----

    @Test
    void racingPromotionsOfOneDraftLetExactlyOneWin() throws Exception {
        String agent = api.fresh();
        String draft = api.configDraft(agent, "{\"model_name\": \"raced\"}");
        long before = eventCount();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post(AGENTS + "/" + agent + "/config/versions/" + draft + "/promote", (String) null)
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(racers - 1);
        assertThat(eventCount()).isEqualTo(before + 1);
        List<JsonNode> versions =
                list(http.get(AGENTS + "/" + agent + "/config/versions").json());
        assertThat(versions).hasSize(2);
        assertThat(versions.stream().filter(v -> v.get("status").asText().equals("active")))
                .extracting(v -> v.get("id").asText())
                .containsExactly(draft);
    }

    // ---- history, time travel, snapshots ----

    @Test
    void historyListsTheEventsInOrderWithTheAuthenticatedActor() {
        String agent = api.fresh();
        String correlation = "agent-history-" + UUID.randomUUID();
        http.post(
                AGENTS + "/" + agent + "/config/versions",
                "{\"model_name\": \"h\"}",
                Map.of("X-Correlation-ID", correlation));
        JsonNode history = http.get(AGENTS + "/" + agent + "/history").json();
        List<JsonNode> events = list(history.get("events"));
        assertThat(history.get("agent_name").asText()).isEqualTo(agent);
        assertThat(history.get("total").asLong()).isEqualTo(events.size());
        assertThat(events.get(0).get("type").asText()).isEqualTo("AgentCloned");
        assertThat(events).extracting(e -> e.get("version").asInt()).isSorted();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("AgentConfigDraftCreated");
        assertThat(last.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(last.get("actor").get("name").asText()).isEqualTo(OWNER);
        assertThat(last.get("correlation_id").asText()).isEqualTo(correlation);
        assertThat(last.get("payload").get("content").get("model_name").asText())
                .isEqualTo("h");

        JsonNode page =
                http.get(AGENTS + "/" + agent + "/history?limit=2&offset=1").json();
        assertThat(list(page.get("events")))
                .extracting(e -> e.get("version").asInt())
                .containsExactly(2, 3);
    }

    @Test
    void timeTravelShowsTheConfigAndPromptActiveAtAnInstant() {
        String agent = api.fresh();
        api.promoteConfig(agent, "before");
        Instant between = Instant.now();
        await(between);
        api.promoteConfig(agent, "after");
        assertThat(api.agent(agent).get("active_config").get("model_name").asText())
                .isEqualTo("after");

        Http.Response then = http.get(AGENTS + "/" + agent + "?at=" + between);
        assertThat(then.status()).as(then.body()).isEqualTo(200);
        assertThat(then.json().get("active_config").get("model_name").asText()).isEqualTo("before");
        assertThat(then.header("ETag")).isNull();
        assertThat(http.get(AGENTS + "/" + agent + "?at=2001-01-01T00:00:00Z").status())
                .isEqualTo(404);
        assertThat(http.get(AGENTS + "/" + agent + "?at=yesterday").status()).isEqualTo(400);
    }

    /** Events recorded after this call get a later timestamp than {@code instant}. */
    private static void await(Instant instant) {
        org.awaitility.Awaitility.await().until(() -> Instant.now().isAfter(instant));
    }

    @Test
    void anAgentWithManyPromotionsIsSnapshottedAndStillRollsBack() {
        String agent = api.fresh();
        for (int i = 0; i < 55; i++) {
            api.promoteConfig(agent, "s" + i);
        }
        long snapshots = jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                .param("id", agent)
                .query(Long.class)
                .single();
        assertThat(snapshots).isEqualTo(1);
        Http.Response back = http.post(AGENTS + "/" + agent + "/config/rollback", "{\"to_version\": 2}");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("model_name").asText()).isEqualTo("s0");
        assertThat(api.agent(agent).get("active_config").get("model_name").asText())
                .isEqualTo("s0");
    }
}
