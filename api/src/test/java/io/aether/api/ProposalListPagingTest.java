package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** List totals come from the projection's per-status counts; ?after= pages by keyset cursor. */
class ProposalListPagingTest extends IntegrationTest {

    @Test
    void totalsMatchTheListedRowsPerStatus() {
        String rejected = create(AUTOMATION);
        http.post("/api/v1/proposals/" + rejected + "/reject", "{\"reason\": \"no\"}");
        createApproved();
        String deleted = create(AUTOMATION);
        http.delete("/api/v1/proposals/" + deleted);
        String last = create(AUTOMATION);
        awaitListed(last);

        long all =
                jdbc.sql("SELECT count(*) FROM proposal_list").query(Long.class).single();
        assertThat(http.get("/api/v1/proposals?limit=1").json().get("total").asLong())
                .isEqualTo(all);
        for (String status : List.of("proposed", "approved", "rejected", "deployed")) {
            long rows = jdbc.sql("SELECT count(*) FROM proposal_list WHERE status = :s")
                    .param("s", status)
                    .query(Long.class)
                    .single();
            assertThat(http.get("/api/v1/proposals?limit=1&status=" + status)
                            .json()
                            .get("total")
                            .asLong())
                    .as(status)
                    .isEqualTo(rows);
        }
    }

    @Test
    void afterCursorWalksTheSameOrderAsOffsetPaging() {
        for (int i = 0; i < 5; i++) {
            create(AUTOMATION);
        }
        String last = create(AUTOMATION);
        awaitListed(last);
        List<String> byOffset = ids(http.get("/api/v1/proposals?limit=500").json());

        List<String> byCursor = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 500; page++) {
            JsonNode body = http.get("/api/v1/proposals?limit=2" + (after == null ? "" : "&after=" + after))
                    .json();
            byCursor.addAll(ids(body));
            JsonNode next = body.get("next_after");
            if (next.isNull()) {
                break;
            }
            after = next.asText();
        }
        assertThat(byCursor).isEqualTo(byOffset);
    }

    @Test
    void aForeignCursorIs400() {
        var response = http.get("/api/v1/proposals?after=not-a-cursor");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").get("message").asText()).contains("after");
    }

    private void awaitListed(String id) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/proposals?limit=500").body().contains(id));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
