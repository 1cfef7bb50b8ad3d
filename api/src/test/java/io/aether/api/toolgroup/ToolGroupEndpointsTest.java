package io.aether.api.toolgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.domain.tool.ToolDefinition;
import io.aether.domain.toolgroup.DefaultToolGroups;
import io.aether.domain.toolgroup.DefaultToolGroups.DefaultToolGroup;
import io.aether.domain.toolgroup.ToolGroupContent;
import io.aether.domain.toolgroup.ToolGroupNames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tool groups over HTTP on PostgreSQL: every endpoint, every refusal, the seed and the events behind them. */
class ToolGroupEndpointsTest extends IntegrationTest {
    private static final String GROUPS = "/api/v1/tool-groups";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DefaultToolGroupSeeder seeder;

    @Autowired
    ToolGroupDirectory directory;

    @Test
    void theTwelveDefaultGroupsAreSeededWithTheirToolCounts() {
        JsonNode list = awaitDefaults();
        JsonNode mutation = item(list, "ha_mutation");
        assertThat(mutation.get("display_name").asText()).isEqualTo("HA Mutations");
        assertThat(mutation.get("tool_count").asInt()).isEqualTo(13);
        assertThat(mutation.get("tool_names")).hasSize(13);
        assertThat(mutation.get("is_read_only").asBoolean()).isFalse();
        assertThat(item(list, "approval").get("is_read_only").asBoolean()).isTrue();
        assertThat(item(list, "approval").get("id").asText()).isEqualTo("approval");
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(12);

        JsonNode seeded = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(ToolGroupNames.aggregateId("web"))
                .query(String.class)
                .optional()
                .map(ToolGroupEndpointsTest::parse)
                .orElseThrow();
        assertThat(seeded.get("actor").get("type").asText()).isEqualTo("system");
        JsonNode metadata = parse(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(ToolGroupNames.aggregateId("web"))
                .query(String.class)
                .single());
        assertThat(metadata.get("actor_type").asText()).isEqualTo("system");
        assertThat(metadata.get("correlation_id").asText()).isNotBlank();
    }

    @Test
    void seedingAgainCreatesNothingAndLosingACreationRaceIsNoError() {
        awaitDefaults();
        long before = eventCount();
        assertThat(seeder.seed(DefaultToolGroups.ALL)).isZero();
        // the other node's view: the group looked absent, but the append finds it there
        DefaultToolGroup web = DefaultToolGroups.ALL.stream()
                .filter(g -> g.name().equals("web"))
                .findFirst()
                .orElseThrow();
        assertThat(seeder.create(web)).isFalse();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void createThenGetAndListShowItAtOnceWithTheActorInTheEvent() {
        String name = uniqueName();
        Http.Response created = http.post(
                GROUPS,
                "{\"name\": \"" + name + "\", \"display_name\": \"Lights\", \"description\": \"light tools\","
                        + " \"tool_names\": [\"get_entity_state\", \"control_entity\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(GROUPS + "/" + name);
        JsonNode body = created.json();
        assertThat(body.get("id").asText()).isEqualTo(name);
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(body.get("display_name").asText()).isEqualTo("Lights");
        assertThat(body.get("description").asText()).isEqualTo("light tools");
        assertThat(body.get("tool_names").toString()).isEqualTo("[\"get_entity_state\",\"control_entity\"]");
        assertThat(body.get("tool_count").asInt()).isEqualTo(2);
        assertThat(body.get("is_read_only").asBoolean()).isTrue();
        assertThat(body.get("created_at").asText())
                .isEqualTo(body.get("updated_at").asText());

        Http.Response got = http.get(GROUPS + "/" + name);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(body);
        // read-your-writes: the list right after the answer has it
        JsonNode listed = item(http.get(GROUPS + "?limit=500").json(), name);
        assertThat(listed).isEqualTo(body);

        JsonNode metadata = parse(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.ToolGroupCreated'")
                .param(ToolGroupNames.aggregateId(name))
                .query(String.class)
                .single());
        assertThat(metadata.get("actor_type").asText()).isEqualTo("user");
        assertThat(metadata.get("actor_name").asText()).isEqualTo(OWNER);
        assertThat(metadata.get("correlation_id").asText()).isEqualTo(created.header("X-Correlation-ID"));
        JsonNode payload = parse(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.ToolGroupCreated'")
                .param(ToolGroupNames.aggregateId(name))
                .query(String.class)
                .single());
        assertThat(payload.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(payload.get("actor").get("id").asText()).isEqualTo(OWNER);
    }

    @Test
    void anApiKeyIsTheActorOfItsChanges() {
        Http.Response key = http.post("/api/v1/auth/api-keys", Map.of("name", "tool-bot"));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Http script = new Http(
                anonymous.base(), Map.of("X-API-Key", key.json().get("key").asText()));
        String name = uniqueName();
        assertThat(script.post(GROUPS, group(name, "[\"web_search\"]")).status())
                .isEqualTo(201);
        assertThat(script.put(GROUPS + "/" + name, "{\"display_name\": \"Renamed\"}")
                        .status())
                .isEqualTo(200);
        JsonNode payload = parse(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.ToolGroupUpdated'")
                .param(ToolGroupNames.aggregateId(name))
                .query(String.class)
                .single());
        assertThat(payload.get("actor").get("type").asText()).isEqualTo("api_key");
        assertThat(payload.get("actor").get("name").asText()).isEqualTo("tool-bot");
        // the event carries the whole content after the change, in the event store's own (camelCase) form
        assertThat(payload.get("content").get("displayName").asText()).isEqualTo("Renamed");
        assertThat(payload.get("content").get("toolNames").get(0).asText()).isEqualTo("web_search");
    }

    @Test
    void putReplacesTheGivenFieldsKeepsTheRestAndTheListFollows() {
        String name = uniqueName();
        JsonNode created = http.post(GROUPS, group(name, "[\"web_search\"]")).json();

        Http.Response updated = http.put(
                GROUPS + "/" + name,
                "{\"tool_names\": [\"web_search\", \"get_ha_logs\", \"check_ha_config\"], \"is_read_only\": false}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode body = updated.json();
        assertThat(body.get("tool_count").asInt()).isEqualTo(3);
        assertThat(body.get("is_read_only").asBoolean()).isFalse();
        assertThat(body.get("display_name").asText()).isEqualTo("A group");
        assertThat(body.get("description").asText()).isEqualTo("for tests");
        assertThat(body.get("created_at").asText())
                .isEqualTo(created.get("created_at").asText());
        assertThat(item(http.get(GROUPS + "?limit=500").json(), name)).isEqualTo(body);

        long before = eventCount();
        Http.Response unchanged = http.put(GROUPS + "/" + name, "{}");
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json()).isEqualTo(body);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String name = uniqueName();
        assertThat(http.post(GROUPS, group(name, "[\"web_search\"]")).status()).isEqualTo(201);
        long before = eventCount();
        Http.Response again = http.post(GROUPS, group(name, "[\"review_config\"]"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("error").get("type").asText()).isEqualTo("conflict");
        assertThat(again.json().get("error").get("message").asText()).contains(name);
        assertThat(http.post(GROUPS, group("web", "[\"web_search\"]")).status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(http.get(GROUPS + "/" + name).json().get("tool_names").get(0).asText())
                .isEqualTo("web_search");
    }

    @Test
    void badInputIs422WithFieldDetailsAndAppendsNothing() {
        long before = eventCount();
        String name = uniqueName();
        assertRefused(
                http.post(GROUPS, group(name, "[\"web_search\", \"no_such_tool\"]")), "tool_names", "no_such_tool");
        assertRefused(http.post(GROUPS, group(name, "[]")), "tool_names", "at least one tool");
        assertRefused(
                http.post(GROUPS, group(name, "[\"web_search\", \"web_search\"]")), "tool_names", "more than once");
        assertRefused(http.post(GROUPS, group("Bad-Name", "[\"web_search\"]")), "name", "^[a-z][a-z0-9_]*$");
        assertRefused(http.post(GROUPS, group("9lives", "[\"web_search\"]")), "name", "must match");
        assertRefused(http.post(GROUPS, group("a".repeat(101), "[\"web_search\"]")), "name", "size");
        assertRefused(
                http.post(GROUPS, "{\"name\": \"" + name + "\", \"tool_names\": [\"web_search\"]}"),
                "display_name",
                "blank");
        assertRefused(http.post(GROUPS, "{\"display_name\": \"x\", \"tool_names\": [\"web_search\"]}"), "name", "null");
        assertRefused(http.post(GROUPS, "{\"name\": \"" + name + "\", \"display_name\": \"x\"}"), "tool_names", "");
        // a tool name that looks like a message template is reported as it is
        assertRefused(http.post(GROUPS, group(name, "[\"${1+1}{x}\"]")), "tool_names", "${1+1}{x}");
        assertThat(http.get(GROUPS + "/" + name).status()).isEqualTo(404);

        String existing = uniqueName();
        assertThat(http.post(GROUPS, group(existing, "[\"web_search\"]")).status())
                .isEqualTo(201);
        long afterCreate = eventCount();
        assertRefused(http.put(GROUPS + "/" + existing, "{\"tool_names\": [\"nope\"]}"), "tool_names", "nope");
        assertRefused(http.put(GROUPS + "/" + existing, "{\"tool_names\": []}"), "tool_names", "at least one tool");
        assertRefused(http.put(GROUPS + "/" + existing, "{\"display_name\": \"\"}"), "display_name", "");
        assertRefused(http.put(GROUPS + "/" + existing, "{\"display_name\": \"   \"}"), "display_name", "blank");
        assertThat(eventCount()).isEqualTo(afterCreate);
        assertThat(afterCreate).isEqualTo(before + 1);

        Http.Response wrongType = http.post(
                GROUPS, "{\"name\": \"" + name + "\", \"display_name\": \"x\", \"tool_names\": \"web_search\"}");
        assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
        assertThat(http.post(GROUPS, "{not json").status()).isEqualTo(400);
        Http.Response limit = http.get(GROUPS + "?limit=0");
        assertThat(limit.status()).isEqualTo(422);
    }

    @Test
    void unknownGroupsAre404() {
        Http.Response get = http.get(GROUPS + "/no_such_group");
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.json().get("error").get("type").asText()).isEqualTo("not_found");
        assertThat(http.get(GROUPS + "/Not-A-Name").status()).isEqualTo(404);
        long before = eventCount();
        Http.Response put = http.put(GROUPS + "/no_such_group", "{\"display_name\": \"x\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theListPagesByNameAndNeedsACredential() {
        awaitDefaults();
        JsonNode first = http.get(GROUPS + "?limit=2&offset=0").json();
        JsonNode second = http.get(GROUPS + "?limit=2&offset=2").json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(2);
        List<String> names = new ArrayList<>();
        first.get("items").forEach(i -> names.add(i.get("name").asText()));
        second.get("items").forEach(i -> names.add(i.get("name").asText()));
        assertThat(names).isSorted().doesNotHaveDuplicates();
        assertThat(first.get("total").asLong()).isEqualTo(second.get("total").asLong());
        assertThat(anonymous.get(GROUPS).status()).isEqualTo(401);
        assertThat(anonymous
                        .post(GROUPS, group(uniqueName(), "[\"web_search\"]"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theDirectoryAnswersWhetherAGroupExists() {
        awaitDefaults();
        String name = uniqueName();
        assertThat(directory.exists(name)).isFalse();
        http.post(GROUPS, group(name, "[\"web_search\", \"review_config\"]"));
        assertThat(directory.exists(name)).isTrue();
        assertThat(directory.exists("web")).isTrue();
        assertThat(directory.exists(null)).isFalse();
        assertThat(directory.unknown(Arrays.asList("web", "no_such_group", name, null)))
                .containsExactly("no_such_group", null);
        assertThat(directory.toolNames(name)).contains(List.of("web_search", "review_config"));
        assertThat(directory.toolNames("no_such_group")).isEmpty();
        // an agent config's tools: its own plus its groups', each once, in the registry's order
        assertThat(
                        directory
                                .resolve(List.of("seek_approval", "web_search", "nope"), List.of(name, "no_such_group"))
                                .stream()
                                .map(ToolDefinition::name)
                                .toList())
                .containsExactly("seek_approval", "web_search", "review_config");
    }

    @Test
    void aRebuildReplaysTheListToTheSameRows() {
        String name = uniqueName();
        http.post(GROUPS, group(name, "[\"web_search\"]"));
        http.put(GROUPS + "/" + name, "{\"tool_names\": [\"web_search\", \"review_config\"]}");
        awaitDefaults();
        JsonNode before = http.get(GROUPS + "?limit=500").json();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http.post("/api/v1/projections/tool-group-list/rebuild", "")
                                .status()
                        == 202);
        // replayed from the first event: the rows come back as they were (created_at, version and all)
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(GROUPS + "?limit=500").json().equals(before));
        assertThat(item(http.get(GROUPS + "?limit=500").json(), name)
                        .get("tool_count")
                        .asInt())
                .isEqualTo(2);
    }

    private void assertRefused(Http.Response response, String field, String text) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode error = response.json().get("error");
        assertThat(error.get("type").asText()).isEqualTo("validation_error");
        JsonNode detail = StreamSupport.stream(error.get("details").spliterator(), false)
                .filter(d -> d.get("field").asText().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no detail for " + field + ": " + response.body()));
        assertThat(detail.get("message").asText()).contains(text);
    }

    private JsonNode awaitDefaults() {
        // seeded at start-up outside any request, so the list may trail it for a moment
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode list = http.get(GROUPS + "?limit=500").json();
                    return DefaultToolGroups.ALL.stream().allMatch(g -> item(list, g.name()) != null);
                });
        JsonNode list = http.get(GROUPS + "?limit=500").json();
        for (DefaultToolGroup group : DefaultToolGroups.ALL) {
            ToolGroupContent content = group.content();
            JsonNode item = item(list, group.name());
            assertThat(item.get("tool_count").asInt())
                    .as(group.name())
                    .isEqualTo(content.toolNames().size());
            assertThat(item.get("display_name").asText()).isEqualTo(content.displayName());
        }
        return list;
    }

    private static JsonNode item(JsonNode list, String name) {
        return StreamSupport.stream(list.get("items").spliterator(), false)
                .filter(i -> i.get("name").asText().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String group(String name, String tools) {
        return "{\"name\": \"" + name + "\", \"display_name\": \"A group\", \"description\": \"for tests\","
                + " \"tool_names\": " + tools + "}";
    }

    private static String uniqueName() {
        return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
