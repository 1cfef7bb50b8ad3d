package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.AetherApplication;
import io.aether.api.platform.config.EmbeddedPostgresServer;
import io.aether.api.support.Http;
import io.aether.simulator.HomeAssistantSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that holds every segment is killed (kill -9: its claims stay in token_entry): the
 * survivor's /status must stop saying healthy well before the claims time out, because nothing
 * processes events meanwhile.
 */
class StaleClaimTest {
    private static final String HA_TOKEN = "stale-claim-token";
    /** Both nodes sign with the same secret, as nodes behind one load balancer do. */
    private static final String JWT_SECRET = "stale-claim-jwt-secret-0123456789abcdef-0123456789abcdef";

    @Test
    void claimsOfAKilledNodeCountAsUnclaimedOnTheSurvivor(@TempDir Path survivorDir, @TempDir Path childDir)
            throws Exception {
        AetherApplication.disableAxonPhoneHome();
        HomeAssistantSimulator ha = HomeAssistantSimulator.start(0, HA_TOKEN);
        Process child = null;
        Path childLog = childDir.resolve("other-node.log");
        try (ConfigurableApplicationContext survivor =
                start(ha, "--aether.db.url=", "--aether.data-dir=" + survivorDir)) {
            Http http = new Http("http://127.0.0.1:"
                    + ((ServletWebServerApplicationContext) survivor)
                            .getWebServer()
                            .getPort());
            JdbcClient jdbc = survivor.getBean(JdbcClient.class);
            handEverySegmentOver(survivor);

            EmbeddedPostgresServer database = survivor.getBean(EmbeddedPostgresServer.class);
            child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx384m",
                            "-Daxoniq.update-checker.disabled=true",
                            "-cp",
                            System.getProperty("java.class.path"),
                            OtherNode.class.getName(),
                            "--server.port=0",
                            "--aether.db.url=" + database.jdbcUrl(),
                            "--aether.db.user=" + database.user(),
                            "--aether.data-dir=" + childDir,
                            "--aether.ha.url=" + ha.baseUrl(),
                            "--aether.ha.token=" + HA_TOKEN,
                            "--aether.auth.password=stale-claim-password",
                            "--aether.auth.jwt-secret=" + JWT_SECRET)
                    .redirectErrorStream(true)
                    .redirectOutput(childLog.toFile())
                    .start();

            Process other = child;
            await().atMost(Duration.ofSeconds(120))
                    .failFast(() -> assertThat(other.isAlive())
                            .as(() -> "the other node exited:\n" + tail(childLog))
                            .isTrue())
                    .until(() -> jdbc.sql("SELECT count(*) FROM token_entry WHERE owner IS NULL")
                                    .query(Long.class)
                                    .single()
                            == 0);
            // The other node renews its claims while it lives: no false alarm in between renewals.
            await().during(Duration.ofSeconds(8))
                    .atMost(Duration.ofSeconds(20))
                    .until(() ->
                            processorsComponent(http).get("status").asText().equals("healthy"));

            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // Axon lets the survivor take the claims over only after 10 s; /status must not wait for that.
            await().atMost(Duration.ofSeconds(9)).until(() -> unclaimed(http) == total(http));
            JsonNode component = processorsComponent(http);
            assertThat(component.get("status").asText()).isEqualTo("degraded");
            assertThat(component.get("message").asText()).contains("no node processes");
            assertThat(http.get("/api/v1/status").json().get("status").asText()).isNotEqualTo("healthy");
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            ha.stop();
        }
    }

    /** The survivor lets go of its segments and may not take them back for minutes. */
    private static void handEverySegmentOver(ConfigurableApplicationContext survivor) {
        EventProcessingConfiguration processing = survivor.getBean(EventProcessingConfiguration.class);
        TokenStore tokenStore = survivor.getBean(TokenStore.class);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        processors.stream().noneMatch(p -> p.processingStatus().isEmpty()));
        for (StreamingEventProcessor processor : processors) {
            for (int segment : tokenStore.fetchSegments(processor.getName())) {
                processor.releaseSegment(segment, 10, TimeUnit.MINUTES);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        processors.stream().allMatch(p -> p.processingStatus().isEmpty()));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static JsonNode processorsComponent(Http http) {
        for (JsonNode component : http.get("/api/v1/status").json().get("components")) {
            if (component.get("name").asText().equals("event_processors")) {
                return component;
            }
        }
        throw new AssertionError("no event_processors component");
    }

    private static int unclaimed(Http http) {
        int sum = 0;
        for (JsonNode processor : http.get("/api/v1/status").json().get("event_processors")) {
            sum += processor.get("unclaimed_segments").asInt();
        }
        return sum;
    }

    private static int total(Http http) {
        int sum = 0;
        for (JsonNode processor : http.get("/api/v1/status").json().get("event_processors")) {
            sum += processor.get("total_segments").asInt();
        }
        return sum;
    }

    private static ConfigurableApplicationContext start(HomeAssistantSimulator ha, String... nodeArgs) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--aether.ha.url=" + ha.baseUrl(),
                "--aether.ha.token=" + HA_TOKEN,
                "--aether.auth.password=stale-claim-password",
                "--aether.auth.jwt-secret=" + JWT_SECRET,
                "--aether.auth.bcrypt-strength=4"));
        args.addAll(List.of(nodeArgs));
        return new SpringApplicationBuilder(AetherApplication.class).run(args.toArray(String[]::new));
    }

    /** The node that is killed: a whole Aether server in a JVM of its own. */
    public static final class OtherNode {
        public static void main(String[] args) {
            AetherApplication.main(args);
        }
    }
}
