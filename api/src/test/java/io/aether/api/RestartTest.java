package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.AetherApplication;
import io.aether.api.platform.config.EmbeddedPostgresServer;
import io.aether.api.support.Http;
import io.aether.command.proposal.ProposalDeploymentProcess;
import io.aether.simulator.HomeAssistantSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default embedded database keeps its data across restarts, and a PostgreSQL left running
 * by a killed server does not stop the next start. These tests start their own servers.
 */
class RestartTest {
    private static final String TOKEN = "restart-token";
    private static HomeAssistantSimulator ha;

    @BeforeAll
    static void startHomeAssistant() {
        AetherApplication.disableAxonPhoneHome();
        ha = HomeAssistantSimulator.start(0, TOKEN);
    }

    @AfterAll
    static void stopHomeAssistant() {
        ha.stop();
    }

    @Test
    void proposalsAndTheirHistorySurviveARestart(@TempDir Path dataDir) {
        String id;
        String listBefore;
        String session;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Http http = http(first);
            session = http.defaultToken();
            Http.Response created = http.post("/api/v1/proposals", """
                    {"name": "Survives restarts",
                     "trigger": {"trigger": "sun", "event": "sunset"},
                     "actions": {"action": "light.turn_on", "target": {"entity_id": "light.hall"}}}""");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().get("id").asText();
            http.post("/api/v1/proposals/" + id + "/approve", "{}");
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            http.get("/api/v1/proposals?status=approved").body().contains(id));
            listBefore = http.get("/api/v1/proposals").body();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                .as("the embedded PostgreSQL stops with the server")
                .isFalse();
        try (ConfigurableApplicationContext second = start(dataDir)) {
            // The signing key was generated on first start and kept (encrypted) in the database.
            Http http = new Http("http://127.0.0.1:" + port(second)).withBearer(session);
            assertThat(http.get("/api/v1/auth/me").status())
                    .as("a session from before the restart")
                    .isEqualTo(200);
            JsonNode proposal = http.get("/api/v1/proposals/" + id).json();
            assertThat(proposal.get("status").asText()).isEqualTo("approved");
            assertThat(http.get("/api/v1/proposals/" + id + "/history")
                            .json()
                            .get("events")
                            .size())
                    .isEqualTo(2);
            assertThat(http.get("/api/v1/proposals").body()).isEqualTo(listBefore);
        }
    }

    @Test
    void aPostgresLeftRunningByAKilledServerDoesNotStopTheNextStart(@TempDir Path dataDir) throws Exception {
        Process child = new ProcessBuilder(
                        javaBinary(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartEmbeddedPostgresAndWait.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // start-up output of the child
            }
            assertThat(line).as("child started its PostgreSQL").isEqualTo("READY");
            child.destroyForcibly(); // kill -9: no shutdown hook stops its postmaster
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                .as("stale postmaster left behind")
                .isTrue();

        try (ConfigurableApplicationContext server = start(dataDir)) {
            assertThat(http(server).get("/api/v1/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void aDeploymentInterruptedBetweenIntentAndOutcomeCompletesAfterRestart(@TempDir Path dataDir) {
        String id;
        try (ConfigurableApplicationContext first = start(dataDir, "--aether.deploy.wait-timeout=1s")) {
            Http http = http(first);
            id = http.post("/api/v1/proposals", """
                    {"name": "Interrupted",
                     "trigger": {"trigger": "sun", "event": "sunset"},
                     "actions": {"action": "light.turn_on", "target": {"entity_id": "light.hall"}}}""").json().get("id").asText();
            http.post("/api/v1/proposals/" + id + "/approve", "{}");
            // The process manager stops before it sees the intent: the server goes down in between.
            first.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(ProposalDeploymentProcess.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElseThrow()
                    .shutDown();

            Http.Response deploy = http.post("/api/v1/proposals/" + id + "/deploy", "{}");
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(202);
            assertThat(deploy.json().get("status").asText()).isEqualTo("approved");
            assertThat(http.post("/api/v1/proposals/" + id + "/deploy", "{}").status())
                    .isEqualTo(409);
            assertThat(ha.automationConfig(haId(id))).isEmpty();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Http http = http(second);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/api/v1/proposals/" + id)
                            .json()
                            .get("status")
                            .asText()
                            .equals("deployed"));
            assertThat(ha.automationConfig(haId(id))).isPresent();
            JsonNode events =
                    http.get("/api/v1/proposals/" + id + "/history").json().get("events");
            assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("ProposalDeployed");
        }
    }

    @Test
    void readinessIs503AndStatusUnhealthyWhileTheDatabaseIsDown(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext server = start(dataDir)) {
            Http http = http(server);
            assertThat(http.get("/api/v1/ready").status()).isEqualTo(200);

            server.getBean(EmbeddedPostgresServer.class).close();

            Http.Response ready = http.get("/api/v1/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("error").get("message").asText()).isEqualTo("Not ready: database unavailable");
            JsonNode status = http.get("/api/v1/status").json();
            assertThat(status.get("status").asText()).isEqualTo("unhealthy");
            assertThat(http.get("/api/v1/health").status()).isEqualTo(200);
            // Credentials cannot be checked without the database: 503, not 401 or 500.
            Http.Response list = http.get("/api/v1/proposals");
            assertThat(list.status()).as(list.body()).isEqualTo(503);
            assertThat(list.json().get("error").get("type").asText()).isEqualTo("service_unavailable");
        }
    }

    private static final String PASSWORD = "restart-test-password";

    private static String haId(String proposalId) {
        return "aether_" + proposalId.replace("-", "");
    }

    /** Child process for the stale-postmaster test: starts the embedded PostgreSQL, then waits to be killed. */
    public static final class StartEmbeddedPostgresAndWait {
        public static void main(String[] args) throws Exception {
            new EmbeddedPostgresServer(Path.of(args[0]));
            System.out.println("READY");
            System.out.flush();
            Thread.currentThread().join();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--aether.db.url=",
                "--aether.data-dir=" + dataDir,
                "--aether.ha.url=" + ha.baseUrl(),
                "--aether.ha.token=" + TOKEN,
                // No setup in these tests: the configured fallback password signs in.
                "--aether.auth.password=" + PASSWORD,
                "--aether.auth.bcrypt-strength=4"));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(AetherApplication.class).run(args.toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http("http://127.0.0.1:" + port(context)).signIn("admin", PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
