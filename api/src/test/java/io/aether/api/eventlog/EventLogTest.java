package io.aether.api.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/v1/events: every stored event, its shape, each filter, keyset pages, secrets, bad input. */
class EventLogTest extends IntegrationTest {
    @Autowired
    DataSource dataSource;

    @Test
    void anEntryShowsPositionAggregateVersionTypeActorLabelCorrelationAndPayload() {
        String correlationId = "audit-" + UUID.randomUUID();
        Http.Response created = http.post("/api/v1/proposals", AUTOMATION, Map.of("X-Correlation-ID", correlationId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        http.post("/api/v1/proposals/" + id + "/approve", "{\"approved_by\": \"the-ceo\", \"comment\": \"ok\"}");

        JsonNode items = items("/api/v1/events?aggregate_id=" + id + "&order=oldest");
        assertThat(items).hasSize(2);
        JsonNode create = items.get(0);
        JsonNode approve = items.get(1);
        assertThat(create.get("position").asLong())
                .isLessThan(approve.get("position").asLong());
        assertThat(create.get("aggregate_type").asText()).isEqualTo("ProposalAggregate");
        assertThat(create.get("aggregate_id").asText()).isEqualTo(id);
        assertThat(create.get("version").asInt()).isEqualTo(1);
        assertThat(approve.get("version").asInt()).isEqualTo(2);
        assertThat(create.get("event_type").asText()).isEqualTo("ProposalCreated");
        assertThat(approve.get("event_type").asText()).isEqualTo("ProposalApproved");
        assertThat(create.get("revision").asText()).isEqualTo("2");
        assertThat(Instant.parse(create.get("timestamp").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(create.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(create.get("actor").get("id").asText()).isEqualTo(OWNER);
        assertThat(create.get("label").isNull()).isTrue();
        assertThat(approve.get("label").asText()).isEqualTo("the-ceo");
        assertThat(create.get("correlation_id").asText()).isEqualTo(correlationId);
        assertThat(create.get("causation_id").asText()).isNotBlank();
        assertThat(create.get("event_id").asText()).isNotBlank();
        assertThat(create.get("payload").get("proposalId").asText()).isEqualTo(id);
        assertThat(create.get("payload").get("content").get("name").asText()).isEqualTo("Hall light on motion");
        Long stored = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND "
                        + "sequence_number = 0")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(create.get("position").asLong()).isEqualTo(stored);
    }

    @Test
    void eachFilterSelectsExactlyItsEvents() {
        String id = createApproved();
        Http.Response key = http.post("/api/v1/auth/api-keys", Map.of("name", "audit-filter-bot"));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        String keyId = key.json().get("id").asText();
        Http script = new Http(
                anonymous.base(), Map.of("X-API-Key", key.json().get("key").asText()));
        Http.Response byScript = script.post("/api/v1/proposals", AUTOMATION);
        assertThat(byScript.status()).isEqualTo(201);
        String scripted = byScript.json().get("id").asText();

        JsonNode approvals = items("/api/v1/events?event_type=ProposalApproved&limit=500");
        assertThat(approvals)
                .isNotEmpty()
                .allMatch(e -> e.get("event_type").asText().equals("ProposalApproved"));
        assertThat(approvals).anyMatch(e -> e.get("aggregate_id").asText().equals(id));

        JsonNode security = items("/api/v1/events?aggregate_type=SecurityPrincipalAggregate&limit=500");
        assertThat(security)
                .isNotEmpty()
                .allMatch(e -> e.get("aggregate_id").asText().equals("owner"));
        assertThat(security).anyMatch(e -> e.get("event_type").asText().equals("ApiKeyIssued"));

        JsonNode byKey = items("/api/v1/events?actor_type=api_key&actor_id=" + keyId);
        assertThat(byKey).hasSize(1);
        assertThat(byKey.get(0).get("aggregate_id").asText()).isEqualTo(scripted);
        assertThat(byKey.get(0).get("actor").get("name").asText()).isEqualTo("audit-filter-bot");
        assertThat(items("/api/v1/events?actor_id=" + keyId)).hasSize(1);
        assertThat(items("/api/v1/events?actor_type=api_key&limit=500"))
                .isNotEmpty()
                .allMatch(e -> e.get("actor").get("type").asText().equals("api_key"));

        JsonNode both = items("/api/v1/events?aggregate_id=" + id + "&event_type=ProposalCreated");
        assertThat(both).hasSize(1);
        Instant createdAt = Instant.parse(both.get(0).get("timestamp").asText());
        assertThat(items("/api/v1/events?aggregate_id=" + id + "&from=" + createdAt))
                .extracting(e -> e.get("event_type").asText())
                .contains("ProposalCreated", "ProposalApproved");
        assertThat(items("/api/v1/events?aggregate_id=" + id + "&to=" + createdAt))
                .isEmpty();
        assertThat(items("/api/v1/events?aggregate_id=" + id + "&from=" + createdAt + "&to="
                        + createdAt.plusNanos(1000)))
                .extracting(e -> e.get("event_type").asText())
                .containsExactly("ProposalCreated");
        assertThat(items("/api/v1/events?from=" + Instant.now().plusSeconds(3600)))
                .isEmpty();
    }

    /**
     * An event that commits after a later one (it fills a gap in the store) is listed under its
     * own position: the tracking token of such an event names the later position, which the row
     * must not take (it would be dropped as a duplicate of the later event's row).
     */
    @Test
    void anEventCommittedAfterALaterOneIsListedUnderItsOwnPosition() throws Exception {
        String source = create(AUTOMATION);
        String late = UUID.randomUUID().toString();
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement insert = held.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    SELECT ?, meta_data, convert_to(replace(convert_from(payload, 'UTF8'), aggregate_identifier, ?),
                        'UTF8'), payload_revision, payload_type, time_stamp, ?, 0, type
                    FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0
                    RETURNING global_index""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, late);
                insert.setString(3, late);
                insert.setString(4, source);
                try (ResultSet inserted = insert.executeQuery()) {
                    assertThat(inserted.next()).isTrue();
                    long heldPosition = inserted.getLong(1);
                    String after = create(AUTOMATION); // a later position, committed and processed first
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> items("/api/v1/events?aggregate_id=" + after)
                                            .size()
                                    == 1);
                    held.commit();

                    await().atMost(Duration.ofSeconds(30))
                            .until(() ->
                                    items("/api/v1/events?aggregate_id=" + late).size() == 1);
                    JsonNode entry =
                            items("/api/v1/events?aggregate_id=" + late).get(0);
                    assertThat(entry.get("position").asLong()).isEqualTo(heldPosition);
                    assertThat(entry.get("event_type").asText()).isEqualTo("ProposalCreated");
                    assertThat(items("/api/v1/events?aggregate_id=" + after)).hasSize(1);
                }
            }
        }
    }

    /**
     * Proposals are created on two threads the whole time the pages are read: newest first, the
     * pages are exactly the stored events at or below the first page's top; oldest first, exactly
     * the stored events from the start point up to the last page's end. No entry twice.
     */
    @Test
    void keysetPagesAreCompleteAndNonOverlappingWhileEventsAreAppended() throws Exception {
        createApproved();
        long start = maxPosition();
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicInteger appended = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread writer = new Thread(() -> {
                Http client = http;
                while (appending.get()) {
                    if (client.post("/api/v1/proposals", AUTOMATION).status() == 201) {
                        appended.incrementAndGet();
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> appended.get() >= 5);
            List<Long> newest = pages("newest", null);
            long top = newest.get(0);
            assertThat(newest).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(newest).containsExactlyElementsOf(storedPositions(0, top, true));

            await().atMost(Duration.ofSeconds(30)).until(() -> appended.get() >= 15);
            List<Long> oldest = pages("oldest", start);
            assertThat(oldest).doesNotHaveDuplicates().isSorted();
            assertThat(oldest.get(oldest.size() - 1)).isGreaterThan(top);
            assertThat(oldest).containsExactlyElementsOf(storedPositions(start, oldest.get(oldest.size() - 1), false));
        } finally {
            appending.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
        }
    }

    /** Stored events carry no secret; a payload that did would still show none (and an unknown type is listed). */
    @Test
    void secretsNeverAppear() {
        Http.Response key = http.post("/api/v1/auth/api-keys", Map.of("name", "secret-check"));
        String fullKey = key.json().get("key").asText();
        String everything = http.get("/api/v1/events?limit=500").body()
                + http.get("/api/v1/events/export?aggregate_type=SecurityPrincipalAggregate")
                        .body();
        assertThat(everything).contains("ApiKeyIssued").doesNotContain(fullKey, OWNER_PASSWORD, HA_TOKEN, JWT_SECRET);

        String aggregate = "foreign-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,"
                        + " time_stamp, aggregate_identifier, sequence_number, type) VALUES (?, convert_to(?, 'UTF8'),"
                        + " convert_to(?, 'UTF8'), '7', 'io.aether.elsewhere.ForeignThingHappened', ?, ?, 0,"
                        + " 'ForeignAggregate')")
                .params(
                        UUID.randomUUID().toString(),
                        "{\"correlation_id\":\"foreign-request\",\"actor_type\":\"system\",\"actor_id\":\"system\","
                                + "\"actor_name\":\"system\"}",
                        "{\"ha_token\":\"leak-1\",\"keep\":\"shown\",\"nested\":{\"password\":\"leak-2\","
                                + "\"apiKey\":\"leak-3\",\"passwordSet\":true},\"list\":[{\"key_hash\":\"leak-4\"},"
                                + "{\"client_secret\":\"leak-5\",\"Session-Token\":\"leak-6\"}]}",
                        Instant.now().toString(),
                        aggregate)
                .update();
        JsonNode entry = await().atMost(Duration.ofSeconds(30))
                .until(() -> items("/api/v1/events?aggregate_id=" + aggregate), found -> found.size() == 1)
                .get(0);
        assertThat(entry.get("event_type").asText()).isEqualTo("ForeignThingHappened");
        assertThat(entry.get("revision").asText()).isEqualTo("7");
        assertThat(entry.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(entry.get("correlation_id").asText()).isEqualTo("foreign-request");
        JsonNode payload = entry.get("payload");
        assertThat(payload.get("keep").asText()).isEqualTo("shown");
        assertThat(payload.get("nested").get("passwordSet").asBoolean()).isTrue();
        assertThat(payload.get("ha_token").asText()).isEqualTo("[redacted]");
        assertThat(payload.get("nested").get("password").asText()).isEqualTo("[redacted]");
        String all = http.get("/api/v1/events?aggregate_id=" + aggregate).body()
                + http.get("/api/v1/events/export?format=csv&aggregate_id=" + aggregate)
                        .body()
                + http.get("/api/v1/events/export?aggregate_id=" + aggregate).body();
        for (int i = 1; i <= 6; i++) {
            assertThat(all).doesNotContain("leak-" + i);
        }
    }

    @Test
    void badInputIsRefusedInTheEnvelope() {
        Map<String, Integer> cases = Map.ofEntries(
                Map.entry("/api/v1/events?after=abc", 400),
                Map.entry("/api/v1/events?before=-1", 400),
                Map.entry("/api/v1/events?from=yesterday", 400),
                Map.entry("/api/v1/events?to=2026-13-01T00:00:00Z", 400),
                Map.entry("/api/v1/events?order=sideways", 400),
                Map.entry("/api/v1/events?limit=0", 422),
                Map.entry("/api/v1/events?limit=501", 422),
                Map.entry("/api/v1/events?limit=many", 400),
                Map.entry("/api/v1/events?actor_type=robot", 422),
                Map.entry("/api/v1/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", 422),
                Map.entry("/api/v1/events/export?format=xml", 400),
                Map.entry("/api/v1/events/export?after=1.5", 400),
                Map.entry("/api/v1/events/stream?from=soon", 400));
        cases.forEach((path, status) -> {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(status);
            assertThat(response.json().get("error").get("type").asText())
                    .as(path)
                    .isNotBlank();
            assertThat(response.json().get("error").get("correlation_id").asText())
                    .as(path)
                    .isNotBlank();
        });
    }

    @Test
    void anonymousCallersAreRefused() {
        for (String path : List.of("/api/v1/events", "/api/v1/events/export", "/api/v1/events/stream")) {
            Http.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().get("error").get("type").asText()).isEqualTo("unauthorized");
        }
    }

    /** Every page of the log in that order (limit 7), following next, starting after {@code after} if given. */
    private List<Long> pages(String order, Long after) {
        List<Long> positions = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            StringBuilder path = new StringBuilder("/api/v1/events?limit=7&order=" + order);
            if (after != null) {
                path.append("&after=").append(after);
            }
            if (cursor != null) {
                path.append(order.equals("newest") ? "&before=" : "&after=").append(cursor);
            }
            Http.Response response = http.get(path.toString());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            response.json()
                    .get("items")
                    .forEach(e -> positions.add(e.get("position").asLong()));
            JsonNode next = response.json().get("next");
            if (next == null || next.isNull()) {
                return positions;
            }
            cursor = next.asText();
            if (order.equals("oldest")) {
                after = null;
            }
        }
        throw new AssertionError("no end of the pages");
    }

    private List<Long> storedPositions(long above, long upTo, boolean descending) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE global_index > ? AND global_index <= ?"
                        + " ORDER BY global_index " + (descending ? "DESC" : "ASC"))
                .params(above, upTo)
                .query(Long.class)
                .list();
    }

    private long maxPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    private JsonNode items(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
