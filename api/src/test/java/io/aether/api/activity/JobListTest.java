package io.aether.api.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import io.aether.api.support.OpenApiContract;
import io.aether.command.proposal.ProposalDeploymentProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/v1/jobs: deployments and rollbacks as jobs, from the job-list read model. */
class JobListTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    /**
     * With the deployment process manager held (as while Home Assistant is slow), the deployment
     * is a running job; once the outcome is recorded the same job is completed with its duration.
     */
    @Test
    void aDeploymentIsARunningJobThenACompletedOne() throws Exception {
        String name = unique("Deploy me");
        String id = createApproved(name);
        StreamingEventProcessor process = processing
                .eventProcessor(ProposalDeploymentProcess.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        process.shutDown();
        CompletableFuture<Http.Response> deploy;
        JsonNode running;
        try {
            deploy = CompletableFuture.supplyAsync(() -> http.post("/api/v1/proposals/" + id + "/deploy", "{}"));
            running = await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> job("deployment", "Deploy '" + name + "'"), Optional::isPresent)
                    .orElseThrow();
        } finally {
            process.start();
        }
        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(running.get("job_type").asText()).isEqualTo("deployment");
        assertThat(running.get("completed_at").isNull()).isTrue();
        assertThat(running.get("duration_ms").isNull()).isTrue();
        assertThat(running.get("error").isNull()).isTrue();
        UUID.fromString(running.get("job_id").asText());

        Http.Response answer = deploy.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("success").asBoolean()).as(answer.body()).isTrue();
        JsonNode completed = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> job("deployment", "Deploy '" + name + "'").orElseThrow(),
                        j -> j.get("status").asText().equals("completed"));
        assertThat(completed.get("job_id")).isEqualTo(running.get("job_id"));
        assertThat(completed.get("started_at")).isEqualTo(running.get("started_at"));
        Instant started = Instant.parse(completed.get("started_at").asText());
        Instant ended = Instant.parse(completed.get("completed_at").asText());
        assertThat(completed.get("duration_ms").asLong())
                .isEqualTo(Duration.between(started, ended).toMillis())
                .isPositive();
        assertThat(completed.get("error").isNull()).isTrue();
    }

    @Test
    void aFailedDeploymentIsAFailedJobWithTheError() {
        String name = unique("HA is down");
        String id = createApproved(name);
        HA.setAvailable(false);
        Http.Response deploy = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        HA.setAvailable(true);
        assertThat(deploy.json().get("success").asBoolean()).as(deploy.body()).isFalse();

        JsonNode failed = job("deployment", "Deploy '" + name + "'").orElseThrow();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText())
                .isEqualTo(deploy.json().get("error").asText());
        assertThat(failed.get("completed_at").isNull()).isFalse();
        assertThat(failed.get("duration_ms").isNumber()).isTrue();
    }

    @Test
    void aRollbackIsAJobOfItsOwnType() {
        String name = unique("Roll me back");
        String id = createApproved(name);
        assertThat(http.post("/api/v1/proposals/" + id + "/deploy", "{}")
                        .json()
                        .get("success")
                        .asBoolean())
                .isTrue();
        Http.Response rollback = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);

        JsonNode job = job("rollback", "Roll back '" + name + "' to version ").orElseThrow();
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("title").asText()).matches("Roll back '.*' to version \\d+");
        assertThat(job("deployment", "Roll back '" + name)).isEmpty();
        assertThat(job("deployment", "Deploy '" + name + "'")).isPresent();
    }

    @Test
    void limitAndJobTypeSelectTheNewestJobsOfAKind() {
        for (int i = 0; i < 3; i++) {
            String id = createApproved(unique("Several " + i));
            http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        }
        String rolledBack = createApproved(unique("Several rolled back"));
        http.post("/api/v1/proposals/" + rolledBack + "/deploy", "{}");
        http.post("/api/v1/proposals/" + rolledBack + "/rollback", "{}");

        JsonNode all = http.get("/api/v1/jobs?limit=200").json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(5);
        List<JsonNode> jobs = list(all);
        assertThat(jobs.get(0).get("job_type").asText()).isEqualTo("rollback");
        assertThat(jobs.get(0).get("title").asText()).contains("Several rolled back");
        assertThat(jobs.get(1).get("title").asText()).contains("Several rolled back");
        for (int i = 1; i < jobs.size(); i++) {
            assertThat(Instant.parse(jobs.get(i).get("started_at").asText()))
                    .isBeforeOrEqualTo(
                            Instant.parse(jobs.get(i - 1).get("started_at").asText()));
        }

        JsonNode two = http.get("/api/v1/jobs?limit=2").json();
        assertThat(list(two)).hasSize(2).containsExactlyElementsOf(jobs.subList(0, 2));
        assertThat(two.get("total")).isEqualTo(all.get("total"));
        assertThat(list(http.get("/api/v1/jobs").json())).hasSize(Math.min(20, jobs.size()));

        JsonNode deployments =
                http.get("/api/v1/jobs?job_type=deployment&limit=200").json();
        assertThat(list(deployments)).allMatch(j -> j.get("job_type").asText().equals("deployment"));
        JsonNode rollbacks =
                http.get("/api/v1/jobs?job_type=rollback&limit=200").json();
        assertThat(list(rollbacks))
                .isNotEmpty()
                .allMatch(j -> j.get("job_type").asText().equals("rollback"));
        JsonNode analyses = http.get("/api/v1/jobs?job_type=analysis&limit=200").json();
        assertThat(list(analyses)).allMatch(j -> j.get("job_type").asText().equals("analysis"));
        // Analysis jobs of other test classes (analyze, schedule runs) share the database.
        assertThat(deployments.get("total").asLong()
                        + rollbacks.get("total").asLong()
                        + analyses.get("total").asLong())
                .isEqualTo(all.get("total").asLong());

        JsonNode chats = http.get("/api/v1/jobs?job_type=chat").json();
        assertThat(list(chats)).isEmpty();
        assertThat(chats.get("total").asLong()).isZero();
    }

    /** Replayed from the first event, the list and its totals come back as they were: nothing counted twice. */
    @Test
    void aRebuildReplaysTheSameJobs() {
        String id = createApproved(unique("Rebuilt"));
        HA.setAvailable(false);
        http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        HA.setAvailable(true);
        http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        JsonNode before = http.get("/api/v1/jobs?limit=200").json();
        JsonNode rollbacksBefore =
                http.get("/api/v1/jobs?limit=200&job_type=rollback").json();
        assertThat(list(before).get(0).get("title").asText()).contains("Rebuilt");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        http.post("/api/v1/projections/job-list/rebuild", "").status() == 202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/v1/jobs?limit=200").json().equals(before));
        assertThat(http.get("/api/v1/jobs?limit=200&job_type=rollback").json()).isEqualTo(rollbacksBefore);
    }

    @Test
    void badParametersAre4xxEnvelopesAndACredentialIsNeeded() {
        assertError(http.get("/api/v1/jobs?limit=0"), 422);
        assertError(http.get("/api/v1/jobs?limit=201"), 422);
        assertError(http.get("/api/v1/jobs?limit=many"), 400);
        Http.Response unknownType = http.get("/api/v1/jobs?job_type=nope");
        assertError(unknownType, 400);
        assertThat(unknownType.json().get("error").get("message").asText()).contains("deployment", "rollback");
        assertThat(anonymous.get("/api/v1/jobs").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/activity/stream").status()).isEqualTo(401);
    }

    @Test
    void answersMatchTheOpenApiDocument() {
        String id = createApproved(unique("Contract"));
        HA.setAvailable(false);
        http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        HA.setAvailable(true);
        http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        OpenApiContract contract =
                new OpenApiContract(anonymous.get("/api/openapi.json").json());
        List<String> problems = new ArrayList<>();
        for (String path :
                List.of("/api/v1/jobs", "/api/v1/jobs?job_type=deployment&limit=5", "/api/v1/jobs?limit=0")) {
            Http.Response response = http.get(path);
            problems.addAll(contract.problems("GET", path, response.status(), response.body()));
        }
        assertThat(problems).isEmpty();
    }

    private static void assertError(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
    }

    private String createApproved(String name) {
        String id = create(AUTOMATION.replace("Hall light on motion", name));
        assertThat(http.post("/api/v1/proposals/" + id + "/approve", "{}").status())
                .isEqualTo(200);
        return id;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The newest job of this type whose title starts so, if the list holds one. */
    private Optional<JsonNode> job(String type, String title) {
        return list(http.get("/api/v1/jobs?limit=200&job_type=" + type).json()).stream()
                .filter(j -> j.get("title").asText().startsWith(title))
                .findFirst();
    }

    private static List<JsonNode> list(JsonNode body) {
        return StreamSupport.stream(body.get("jobs").spliterator(), false).toList();
    }
}
