package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The proposal list is a disposable read model: clearing and replaying it gives the same answers. */
class ProjectionRebuildTest extends IntegrationTest {

    @Test
    void rebuildingTheProposalListGivesIdenticalListOutput() {
        createDeployed();
        String rejected = create(AUTOMATION);
        http.post("/api/v1/proposals/" + rejected + "/reject", "{\"reason\": \"no\"}");
        String deleted = create(AUTOMATION);
        http.delete("/api/v1/proposals/" + deleted);
        create(AUTOMATION);
        awaitProposalListCaughtUp();
        String before = http.get("/api/v1/proposals?limit=500").body();
        String beforeRejected =
                http.get("/api/v1/proposals?status=rejected&limit=500").body();
        assertThat(before).doesNotContain(deleted).contains(rejected);

        var response = http.post("/api/v1/projections/proposal-list/rebuild", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        awaitProposalListCaughtUp();

        assertThat(http.get("/api/v1/proposals?limit=500").body()).isEqualTo(before);
        assertThat(http.get("/api/v1/proposals?status=rejected&limit=500").body())
                .isEqualTo(beforeRejected);
    }

    /**
     * The rebuild scans the store on a background thread and hands over to the processor at the
     * scan's last position: proposals created while it runs are listed once it has caught up.
     */
    @Test
    void proposalsCreatedDuringARebuildAreListedAfterIt() {
        for (int i = 0; i < 300; i++) {
            create(AUTOMATION);
        }
        awaitProposalListCaughtUp();
        int before = http.get("/api/v1/proposals?limit=1").json().get("total").asInt();

        var response = http.post("/api/v1/projections/proposal-list/rebuild", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        java.util.List<String> during = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            during.add(create(AUTOMATION));
        }
        awaitProposalListCaughtUp();

        assertThat(http.get("/api/v1/proposals?limit=1").json().get("total").asInt())
                .isEqualTo(before + during.size());
        for (String id : during) {
            assertThat(http.get("/api/v1/proposals/" + id).status()).isEqualTo(200);
        }
        String listed = http.get("/api/v1/proposals?limit=500").body();
        assertThat(during).allSatisfy(id -> assertThat(listed).contains(id));
    }

    @Test
    void rebuildingAnUnknownProjectionIs404() {
        var response = http.post("/api/v1/projections/no-such-projection/rebuild", "");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").get("message").asText()).contains("proposal-list");
    }
}
