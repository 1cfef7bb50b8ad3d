package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.AetherApplication;
import io.aether.api.support.Http;
import io.aether.command.proposal.ProposalDeploymentProcess;
import io.aether.simulator.HomeAssistantSimulator;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing waits forever: with the process manager stopped between a deployment's or rollback's
 * intent and its outcome (as when its node dies), the operation's deadline fires, Home
 * Assistant's actual state decides the outcome, and the proposal takes commands again. Runs its
 * own server with a 3 s deadline.
 */
class OperationDeadlineTest {
    private static final String TOKEN = "deadline-token";
    private static final String PASSWORD = "deadline-test-password";
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    /** The deadline, a polling round of the scheduler, and slack for a busy machine. */
    private static final Duration OUTCOME_WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static HomeAssistantSimulator ha;
    private static ConfigurableApplicationContext server;
    private static Http http;

    @BeforeAll
    static void start() {
        AetherApplication.disableAxonPhoneHome();
        ha = HomeAssistantSimulator.start(0, TOKEN);
        server = new SpringApplicationBuilder(AetherApplication.class)
                .run(
                        "--server.port=0",
                        "--aether.db.url=",
                        "--aether.data-dir=" + dataDir,
                        "--aether.ha.url=" + ha.baseUrl(),
                        "--aether.ha.token=" + TOKEN,
                        "--aether.auth.password=" + PASSWORD,
                        "--aether.auth.bcrypt-strength=4",
                        "--aether.deploy.wait-timeout=1s",
                        "--aether.deploy.operation-deadline=" + DEADLINE.toSeconds() + "s",
                        "--aether.scheduler.polling-interval=200ms");
        int port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
        http = new Http("http://127.0.0.1:" + port).signIn("admin", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        ha.stop();
    }

    @BeforeEach
    void homeAssistantUp() {
        ha.setAvailable(true);
    }

    @AfterEach
    void processManagerRunning() {
        StreamingEventProcessor process = processManager();
        if (!process.isRunning()) {
            process.start();
        }
    }

    @Test
    void anInterruptedDeploymentThatHomeAssistantHoldsIsRecordedAsDeployed() {
        String id = createApproved("Saved, then the node died");
        processManager().shutDown();

        Http.Response deploy = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(202);
        // The process manager saved the config in HA and died before recording the outcome.
        ha.putAutomationConfig(haId(id), requestedConfig(id));

        await().atMost(OUTCOME_WITHIN).until(() -> status(id).equals("deployed"));
        assertThat(lastEvent(id).get("type").asText()).isEqualTo("ProposalDeployed");
        await().atMost(OUTCOME_WITHIN).until(() -> openDeadlines() == 0);

        // The proposal takes commands again, carried out by the restarted process manager.
        processManager().start();
        Http.Response rollback = http.post("/api/v1/proposals/" + id + "/rollback", "{\"reason\": \"test\"}");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("rolled_back");
        assertThat(ha.automationConfig(haId(id))).isEmpty();
    }

    @Test
    void anInterruptedDeploymentThatHomeAssistantLacksIsRecordedAsFailedWithTheReason() {
        String id = createApproved("Never reached HA");
        processManager().shutDown();

        assertThat(http.post("/api/v1/proposals/" + id + "/deploy", "{}").status())
                .isEqualTo(202);
        assertThat(http.post("/api/v1/proposals/" + id + "/deploy", "{}").status())
                .as("blocked while pending")
                .isEqualTo(409);

        await().atMost(OUTCOME_WITHIN)
                .until(() -> lastEvent(id).get("type").asText().equals("ProposalDeploymentFailed"));
        assertThat(lastEvent(id).get("payload").get("error").asText())
                .isEqualTo("no outcome was recorded within 3s; Home Assistant does not hold the configuration");
        assertThat(status(id)).isEqualTo("approved");
        assertThat(ha.automationConfig(haId(id))).isEmpty();

        processManager().start();
        Http.Response retry = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("success").asBoolean()).as(retry.body()).isTrue();
        assertThat(ha.automationConfig(haId(id))).contains(requestedConfig(id));
    }

    @Test
    void anInterruptedRollbackWithHomeAssistantUnreachableIsRecordedAsFailed() {
        String id = createApproved("Rolled back while HA is down");
        Http.Response deploy = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
        assertThat(deploy.json().get("success").asBoolean()).as(deploy.body()).isTrue();
        assertThat(openDeadlines()).as("cancelled with the outcome").isZero();
        processManager().shutDown();

        assertThat(http.post("/api/v1/proposals/" + id + "/rollback", "{}").status())
                .isEqualTo(202);
        ha.setAvailable(false);

        await().atMost(OUTCOME_WITHIN)
                .until(() -> lastEvent(id).get("type").asText().equals("ProposalRollbackFailed"));
        assertThat(lastEvent(id).get("payload").get("error").asText())
                .startsWith("no outcome was recorded within 3s and Home Assistant could not be checked: ");
        assertThat(status(id)).isEqualTo("deployed");

        ha.setAvailable(true);
        processManager().start();
        Http.Response retry = http.post("/api/v1/proposals/" + id + "/rollback", "{}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("rolled_back");
        assertThat(ha.automationConfig(haId(id))).isEmpty();
    }

    private static StreamingEventProcessor processManager() {
        return server.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProposalDeploymentProcess.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static String createApproved(String name) {
        Http.Response created = http.post("/api/v1/proposals", """
                {"name": "%s",
                 "trigger": {"trigger": "sun", "event": "sunset"},
                 "actions": {"action": "light.turn_on", "target": {"entity_id": "light.hall"}}}""".formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(http.post("/api/v1/proposals/" + id + "/approve", "{}").status())
                .isEqualTo(200);
        return id;
    }

    private static String status(String id) {
        return http.get("/api/v1/proposals/" + id).json().get("status").asText();
    }

    private static JsonNode events(String id) {
        return http.get("/api/v1/proposals/" + id + "/history").json().get("events");
    }

    private static JsonNode lastEvent(String id) {
        JsonNode events = events(id);
        return events.get(events.size() - 1);
    }

    /** The config the deployment intent recorded: what the process manager sends to HA. */
    private static JsonNode requestedConfig(String id) {
        for (JsonNode event : events(id)) {
            if (event.get("type").asText().equals("ProposalDeploymentRequested")) {
                return event.get("payload").get("config");
            }
        }
        throw new AssertionError("no deployment requested in " + events(id));
    }

    /** Deadlines still scheduled in PostgreSQL (Axon's task in db-scheduler's table). */
    private static int openDeadlines() {
        return server.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'")
                .query(Integer.class)
                .single();
    }

    private static String haId(String proposalId) {
        return "aether_" + proposalId.replace("-", "");
    }
}
