package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.PoisonedProposalHandler;
import io.aether.command.Processes;
import io.aether.query.Projections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Projection operations over HTTP: the processors' state, replays, and the dead letters a
 * projection parks when a handler throws (PoisonedProposalHandler joins the real proposal-list
 * processing group, so its real queue, batch size and writes are what is tested).
 */
class ProjectionOperationsTest extends IntegrationTest {
    private static final String LETTERS = "/api/v1/admin/dead-letters";

    @Autowired
    PoisonedProposalHandler poison;

    @Test
    void everyProcessorIsListedWithItsClaimsKindAndDeadLetters() {
        awaitProposalListCaughtUp();
        for (String path : List.of("/api/v1/admin/projections", "/api/v1/projections")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            for (JsonNode p : response.json()) {
                names.add(p.get("name").asText());
                for (String field : List.of(
                        "kind",
                        "replayable",
                        "running",
                        "error",
                        "replaying",
                        "position",
                        "head",
                        "lag",
                        "segments",
                        "total_segments",
                        "unclaimed_segments",
                        "claims",
                        "last_error",
                        "dead_letter_queue",
                        "dead_letters")) {
                    assertThat(p.has(field))
                            .as(path + " " + p + " has " + field)
                            .isTrue();
                }
                assertThat(p.get("claims"))
                        .as(p.toString())
                        .hasSize(p.get("total_segments").asInt());
                for (JsonNode claim : p.get("claims")) {
                    assertThat(claim.get("owner").asText()).as(p.toString()).isNotBlank();
                    assertThat(claim.get("stale").asBoolean()).isFalse();
                }
            }
            assertThat(names).containsAll(Projections.NAMES).containsAll(Processes.NAMES);
            JsonNode list = processor(response.json(), "proposal-list");
            assertThat(list.get("kind").asText()).isEqualTo("projection");
            assertThat(list.get("replayable").asBoolean()).isTrue();
            assertThat(list.get("dead_letter_queue").asBoolean()).isTrue();
            JsonNode deployment = processor(response.json(), "proposal-deployment");
            assertThat(deployment.get("kind").asText()).isEqualTo("process_manager");
            assertThat(deployment.get("replayable").asBoolean()).isFalse();
            assertThat(deployment.get("dead_letter_queue").asBoolean()).isFalse();
        }
    }

    @Test
    void replayingAProjectionGivesIdenticalRowsWhileTheOthersKeepServing() {
        String name = "it_replay_" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = http.post(
                "/api/v1/tool-groups",
                "{\"name\": \"" + name + "\", \"display_name\": \"Replayed\", \"description\": \"for the replay\","
                        + " \"tool_names\": [\"web_search\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        create(AUTOMATION);
        awaitCaughtUp("tool-group-list");
        awaitProposalListCaughtUp();
        List<Map<String, Object>> rowsBefore = toolGroupRows();
        assertThat(rowsBefore).anySatisfy(row -> assertThat(row.get("name")).isEqualTo(name));
        String proposalsBefore = http.get("/api/v1/proposals?limit=500").body();

        Http.Response replay = http.post("/api/v1/admin/projections/tool-group-list/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.json().get("status").asText()).isEqualTo("replaying");
        // The proposal list is not touched by another projection's replay.
        Http.Response proposalsDuring = http.get("/api/v1/proposals?limit=500");
        assertThat(proposalsDuring.status()).isEqualTo(200);
        assertThat(proposalsDuring.body()).isEqualTo(proposalsBefore);
        awaitCaughtUp("tool-group-list");

        assertThat(toolGroupRows()).isEqualTo(rowsBefore);
        assertThat(http.get("/api/v1/proposals?limit=500").body()).isEqualTo(proposalsBefore);
    }

    @Test
    void processManagersAreNotReplayableAndUnknownNamesAre404() {
        for (String path : List.of(
                "/api/v1/admin/projections/proposal-deployment/replay",
                "/api/v1/projections/proposal-deployment/rebuild")) {
            Http.Response response = http.post(path, "");
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.json().get("error").get("message").asText()).contains("process manager");
        }
        Http.Response unknown = http.post("/api/v1/admin/projections/no-such-projection/replay", "");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("message").asText()).contains("proposal-list");
    }

    @Test
    void aPoisonedEventIsParkedTheProjectionGoesOnAndARetryAfterTheFixProjectsIt() {
        String sick = createApproved();
        awaitProposalListCaughtUp();
        long parkedBefore = deadLetterCount();
        poison.poison(UUID.fromString(sick));
        try {
            // Both the deployment request and what follows it are parked, in order, behind the first.
            Http.Response deployed = http.post("/api/v1/proposals/" + sick + "/deploy", (String) null);
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
            String healthy = createDeployed();
            awaitProposalListCaughtUp();

            assertThat(listedStatus(healthy)).isEqualTo("deployed");
            assertThat(listedStatus(sick))
                    .as("the parked events are not projected")
                    .isEqualTo("approved");
            List<JsonNode> letters = lettersOf(sick);
            assertThat(letters).hasSizeGreaterThanOrEqualTo(2);
            assertThat(letters.get(0).get("cause_message").asText()).contains("test poison");
            assertThat(letters.get(0).get("cause_type").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.get("processing_group").asText()).isEqualTo("proposal-list");
                assertThat(letter.get("aggregate_identifier").asText()).isEqualTo(sick);
            });
            assertThat(letters.stream().map(l -> l.get("sequence_index").asLong()))
                    .isSorted();
            assertThat(deadLetterCount()).isEqualTo(parkedBefore + letters.size());
            assertThat(http.get("/api/v1/metrics/prometheus").body())
                    .containsPattern(
                            "(?m)^aether_event_processor_dead_letters_events\\{[^}]*processor=\"proposal-list\"[^}]*\\} "
                                    + (double) (parkedBefore + letters.size()) + "$");
            assertThat(lettersOf(healthy)).isEmpty();
            JsonNode status = http.get("/api/v1/status").json();
            assertThat(status.get("status").asText()).isEqualTo("degraded");
            assertThat(StreamSupport.stream(status.get("components").spliterator(), false)
                            .filter(c -> c.get("name").asText().equals("event_processors"))
                            .findFirst()
                            .orElseThrow()
                            .get("message")
                            .asText())
                    .contains("proposal-list has " + (parkedBefore + letters.size()) + " parked event(s)");

            // Still poisoned: the retry fails, the letters stay, with the cause.
            String last = letters.get(letters.size() - 1).get("id").asText();
            Http.Response failed = http.post(LETTERS + "/" + last + "/retry", "");
            assertThat(failed.status()).as(failed.body()).isEqualTo(200);
            assertThat(failed.json().get("succeeded").asBoolean()).isFalse();
            assertThat(failed.json().get("remaining").asLong()).isEqualTo(letters.size());
            assertThat(failed.json().get("cause_message").asText()).contains("test poison");

            poison.cure(UUID.fromString(sick));
            Http.Response retried = http.post(LETTERS + "/" + last + "/retry", "");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(retried.json().get("succeeded").asBoolean())
                    .as(retried.body())
                    .isTrue();
            assertThat(retried.json().get("remaining").asLong()).isZero();
            assertThat(lettersOf(sick)).isEmpty();
            assertThat(deadLetterCount()).isEqualTo(parkedBefore);
            assertThat(listedStatus(sick)).isEqualTo("deployed");
            assertThat(http.post(LETTERS + "/" + last + "/retry", "").status()).isEqualTo(404);

            // Once its sequence is empty, the aggregate's new events are projected again.
            http.post("/api/v1/proposals/" + sick + "/rollback", "{}");
            awaitProposalListCaughtUp();
            assertThat(lettersOf(sick)).isEmpty();
            assertThat(listedStatus(sick))
                    .isEqualTo(proposal(sick).get("status").asText());
        } finally {
            poison.cure(UUID.fromString(sick));
        }
    }

    @Test
    void deadLettersArePagedByCursorAndCanBeEvicted() {
        String sick = createApproved();
        awaitProposalListCaughtUp();
        poison.poison(UUID.fromString(sick));
        try {
            assertThat(http.post("/api/v1/proposals/" + sick + "/deploy", (String) null)
                            .status())
                    .isEqualTo(200);
            awaitProposalListCaughtUp();
            assertThat(lettersOf(sick)).hasSizeGreaterThanOrEqualTo(2);

            Http.Response first = http.get(LETTERS + "?processing_group=proposal-list&limit=1");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("items")).hasSize(1);
            assertThat(first.json().get("limit").asInt()).isEqualTo(1);
            long total = first.json().get("total").asLong();
            List<String> seen = new ArrayList<>();
            String after = first.json().get("next_after").asText();
            seen.add(first.json().get("items").get(0).get("id").asText());
            while (after != null && !after.equals("null")) {
                JsonNode page = http.get(LETTERS + "?processing_group=proposal-list&limit=1&after=" + after)
                        .json();
                page.get("items").forEach(item -> seen.add(item.get("id").asText()));
                after = page.get("next_after").isNull()
                        ? null
                        : page.get("next_after").asText();
            }
            assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();

            assertThat(http.get(LETTERS + "?after=not-a-cursor").status()).isEqualTo(400);
            assertThat(http.get(LETTERS + "?processing_group=no-such-group").status())
                    .isEqualTo(404);
            assertThat(http.get(LETTERS + "?limit=0").status()).isEqualTo(422);

            for (JsonNode letter : lettersOf(sick)) {
                String id = letter.get("id").asText();
                assertThat(http.delete(LETTERS + "/" + id).status()).isEqualTo(204);
                assertThat(http.delete(LETTERS + "/" + id).status()).isEqualTo(404);
            }
            assertThat(lettersOf(sick)).isEmpty();
            assertThat(anonymous.get(LETTERS).status()).isEqualTo(401);
        } finally {
            poison.cure(UUID.fromString(sick));
        }
    }

    private long deadLetterCount() {
        return processor(http.get("/api/v1/admin/projections").json(), "proposal-list")
                .get("dead_letters")
                .asLong();
    }

    /** The letters of one aggregate in proposal-list, in sequence order. */
    private List<JsonNode> lettersOf(String aggregateId) {
        List<JsonNode> found = new ArrayList<>();
        String after = null;
        do {
            Http.Response page = http.get(
                    LETTERS + "?processing_group=proposal-list&limit=500" + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                if (item.get("sequence_identifier").asText().equals(aggregateId)) {
                    found.add(item);
                }
            });
            after = page.json().get("next_after").isNull()
                    ? null
                    : page.json().get("next_after").asText();
        } while (after != null);
        return found;
    }

    /** The proposal's status in the read model (proposal_list), null when it has no row. */
    private String listedStatus(String id) {
        return jdbc.sql("SELECT status FROM proposal_list WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<Map<String, Object>> toolGroupRows() {
        return jdbc.sql("SELECT * FROM tool_group_list ORDER BY name").query().listOfRows();
    }

    private void awaitCaughtUp(String name) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode p = processor(http.get("/api/v1/admin/projections").json(), name);
                    return !p.get("replaying").asBoolean()
                            && p.get("lag").isNumber()
                            && p.get("lag").asLong() == 0
                            && p.get("segments").asInt()
                                    == p.get("total_segments").asInt();
                });
    }

    private static JsonNode processor(JsonNode list, String name) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(p -> p.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no processor " + name + " in " + list));
    }
}
