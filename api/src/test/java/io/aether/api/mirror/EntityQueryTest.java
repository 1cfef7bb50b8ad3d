package io.aether.api.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * POST /entities/query over the mirror of the simulator's demo home: questions by kind, state,
 * area and name; a door opened in HA reaching the answer by state_changed; bad bodies refused; the
 * answer in the document's shape; and the trigram index answering at 10,000 entities.
 */
class EntityQueryTest extends IntegrationTest {
    private static final String QUERY = "/api/v1/entities/query";

    @Autowired
    private DataSource dataSource;

    private Http ha;

    @BeforeEach
    void syncMirror() {
        ha = new Http(HA.baseUrl(), Map.of("Authorization", "Bearer " + HA_TOKEN));
        Http.Response sync = http.post("/api/v1/entities/sync", "{}");
        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
    }

    private JsonNode ask(String question) {
        Http.Response response = http.post(QUERY, Map.of("query", question));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode answer) {
        return StreamSupport.stream(answer.path("entities").spliterator(), false)
                .map(n -> n.path("entity_id").asText())
                .toList();
    }

    @Test
    void questionsAreReadAsKindsStatesAreasAndNames() {
        // Make the living room light on and the hall light off, whatever other tests left.
        ha.post("/api/services/light/turn_on", "{\"entity_id\": \"light.living_room\"}");
        ha.post("/api/services/light/turn_off", "{\"entity_id\": \"light.hall\"}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(ask("lights that are on")).equals(List.of("light.living_room")));

        JsonNode on = ask("Which lights are on?");
        assertThat(ids(on)).containsExactly("light.living_room");
        assertThat(on.path("query").asText()).isEqualTo("Which lights are on?");
        assertThat(on.path("interpreted_as").asText()).isEqualTo("kind light; state on");
        assertThat(on.path("last_synced_at").isTextual()).isTrue();
        assertThat(on.path("entities").get(0).path("name").asText()).isEqualTo("Living room");

        assertThat(ids(ask("lights on in the living room"))).containsExactly("light.living_room");
        assertThat(ids(ask("lights on in the hall"))).isEmpty();
        assertThat(ids(ask("lights off in the hall"))).containsExactly("light.hall");
        assertThat(ask("lights on in the kitchen").path("interpreted_as").asText())
                .isEqualTo("kind light; state on; area kitchen");
        // Other tests of the shared simulator add lights of their own, so only the demo's are named.
        assertThat(ids(ask("all lights")))
                .contains("light.hall", "light.living_room")
                .allMatch(id -> id.startsWith("light."));

        // Device classes: temperature sensors, by area (the device's) or by a word of the name.
        assertThat(ids(ask("temperature in the kitchen"))).containsExactly("sensor.kitchen_temperature");
        assertThat(ids(ask("What's the temperature in the garden?"))).containsExactly("sensor.garden_temperature");
        assertThat(ids(ask("temperatures"))).containsExactly("sensor.garden_temperature", "sensor.kitchen_temperature");
        assertThat(ids(ask("temperature in the bedroom"))).isEmpty();
        assertThat(ask("temperature in the bedroom").path("interpreted_as").asText())
                .isEqualTo("kind sensor/temperature; name containing 'bedroom'");
        assertThat(ids(ask("motion in the hall"))).containsExactly("binary_sensor.hall_motion");
        assertThat(ids(ask("power sensors")))
                .containsExactly("sensor.fridge_power", "sensor.heat_pump_power", "sensor.washing_machine_power");
        assertThat(ids(ask("everything in the kitchen")))
                .containsExactly("sensor.kitchen_temperature", "switch.coffee_maker");
        assertThat(ids(ask("coffee"))).containsExactly("switch.coffee_maker");

        // limit bounds the answer.
        Http.Response limited = http.post(QUERY, Map.of("query", "sensors", "limit", 2));
        assertThat(limited.json().path("entities").size()).isEqualTo(2);
        // Nothing recognised: no entities, and it says so.
        JsonNode nothing = ask("what is there?");
        assertThat(ids(nothing)).isEmpty();
        assertThat(nothing.path("interpreted_as").asText()).contains("no entity kinds");
    }

    @Test
    void aDoorOpenedInHomeAssistantIsInTheNextAnswer() {
        String id = "binary_sensor.front_door_"
                + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        assertThat(ha.post(
                                "/api/states/" + id,
                                "{\"state\": \"off\", \"attributes\": {\"device_class\": \"door\","
                                        + " \"friendly_name\": \"Front door\"}}")
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(ask("which doors are closed")).contains(id));
        assertThat(ids(ask("which doors are open"))).doesNotContain(id);
        ha.post(
                "/api/states/" + id,
                "{\"state\": \"on\", \"attributes\": {\"device_class\": \"door\", \"friendly_name\": \"Front door\"}}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(ask("which doors are open")).contains(id));
        assertThat(ids(ask("front door"))).contains(id);
        assertThat(ha.delete("/api/states/" + id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !ids(ask("doors")).contains(id));
    }

    @Test
    void badQuestionsAreRefusedInTheEnvelope() {
        for (String body : List.of(
                "{\"query\": \"\"}",
                "{\"query\": \"   \"}",
                "{}",
                "{\"query\": \"lights\", \"limit\": 0}",
                "{\"query\": \"lights\", \"limit\": 101}",
                "{\"query\": \"" + "x".repeat(2001) + "\"}")) {
            Http.Response response = http.post(QUERY, body);
            assertThat(response.status()).as(body.length() > 80 ? "long" : body).isEqualTo(422);
            assertThat(response.json().path("error").path("type").asText()).isEqualTo("validation_error");
        }
        Http.Response notJson = http.post(QUERY, "lights on");
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(400);
        assertThat(anonymous.post(QUERY, "{\"query\": \"lights\"}").status()).isEqualTo(401);
    }

    @Test
    void answersMatchTheOpenApiDocument() {
        OpenApiContract contract =
                new OpenApiContract(anonymous.get("/api/openapi.json").json());
        List<String> problems = new ArrayList<>();
        for (String body : List.of(
                "{\"query\": \"lights on in the kitchen\"}",
                "{\"query\": \"temperature\", \"limit\": 5}",
                "{\"query\": \"what\"}",
                "{\"query\": \"\"}")) {
            Http.Response r = http.post(QUERY, body);
            problems.addAll(contract.problems("POST", QUERY, r.status(), r.body()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theTrigramIndexAnswersAtTenThousandEntities() throws Exception {
        String prefix = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        String[] rooms = {"attic", "cellar", "porch", "study", "nursery"};
        for (int i = 0; i < 10_000; i++) {
            String room = rooms[i % rooms.length];
            rows.add(new Object[] {
                "sensor." + prefix + "_" + i,
                UUID.randomUUID(),
                "sensor",
                room + " sensor " + prefix + " " + i,
                "1",
                now
            });
        }
        // The mirror's own tables, written as a sync would; removed again below.
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.batchUpdate(
                "INSERT INTO ha_entity (entity_id, id, domain, name, state, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                rows);
        try {
            template.execute("ANALYZE ha_entity");
            assertThat(template.queryForList(
                            "SELECT indexname FROM pg_indexes WHERE tablename = 'ha_entity'", String.class))
                    .contains("ha_entity_name_trgm", "ha_entity_id_trgm");
            // At 10,000 rows PostgreSQL may well prefer a sequential scan or the primary key's order (a few
            // ms); with both ruled out, the planner must answer the name match from the trigram indexes.
            String plan;
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("SET enable_seqscan = off");
                st.execute("SET enable_indexscan = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXPLAIN SELECT entity_id FROM ha_entity WHERE (lower(name) LIKE '%"
                        + prefix + " 4242%' OR entity_id LIKE '%" + prefix + "_4242%') ORDER BY entity_id LIMIT 20")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                st.execute("RESET enable_seqscan");
                st.execute("RESET enable_indexscan");
                plan = String.join("\n", lines);
            }
            assertThat(plan).as(plan).contains("Bitmap Index Scan on ha_entity_name_trgm");
            long started = System.nanoTime();
            JsonNode answer = ask("sensor " + prefix + " 4242");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(ids(answer)).contains("sensor." + prefix + "_4242");
            assertThat(millis).as("answer took " + millis + " ms").isLessThan(1000);
            // A kind and a name word over all 10,000: still bounded by limit.
            JsonNode many = ask("attic sensors");
            assertThat(many.path("entities").size()).isEqualTo(20);
        } finally {
            template.update("DELETE FROM ha_entity WHERE entity_id LIKE ?", "sensor." + prefix + "\\_%");
        }
    }
}
