package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.platform.AetherApplication;
import io.aether.api.platform.config.EmbeddedPostgresServer;
import io.aether.api.support.Http;
import io.aether.command.proposal.ProposalDeploymentProcess;
import io.aether.query.proposal.ProposalListProjection;
import io.aether.simulator.HomeAssistantSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application contexts on one database, as two nodes behind a load balancer. Node A starts
 * first and holds every processor segment; node B holds none, so whatever B answers about read
 * models and Home Assistant outcomes depends on work done by A.
 */
class TwoNodesTest {
    private static final String HA_TOKEN = "two-nodes-token";
    private static final String PASSWORD = "two-nodes-password";
    private static final String JWT_SECRET = "two-nodes-jwt-secret-0123456789abcdef-0123456789abcdef";
    private static final String AUTOMATION = """
            {"name": "Two nodes",
             "trigger": {"trigger": "sun", "event": "sunset"},
             "actions": {"action": "light.turn_on", "target": {"entity_id": "light.hall"}}}""";

    private static HomeAssistantSimulator ha;
    private static Path dataDir;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        AetherApplication.disableAxonPhoneHome();
        ha = HomeAssistantSimulator.start(0, HA_TOKEN);
        dataDir = Files.createTempDirectory("aether-two-nodes-");
        nodeA = start("--aether.db.url=", "--aether.data-dir=" + dataDir);
        EmbeddedPostgresServer database = nodeA.getBean(EmbeddedPostgresServer.class);
        nodeB = start(
                "--aether.db.url=" + database.jdbcUrl(),
                "--aether.db.user=" + database.user(),
                "--aether.data-dir=" + dataDir.resolve("node-b"));
        a = new Http("http://127.0.0.1:" + port(nodeA)).signIn("admin", PASSWORD);
        b = new Http("http://127.0.0.1:" + port(nodeB)).signIn("admin", PASSWORD);
    }

    @AfterAll
    static void stopTwoNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        ha.stop();
    }

    @Test
    void nodeBHoldsNoSegmentSoTheseTestsExerciseTheOtherNode() {
        EventProcessingConfiguration processing = nodeB.getBean(EventProcessingConfiguration.class);
        for (String name :
                List.of(ProposalListProjection.PROCESSING_GROUP, ProposalDeploymentProcess.PROCESSING_GROUP)) {
            assertThat(processing
                            .eventProcessor(name, StreamingEventProcessor.class)
                            .orElseThrow()
                            .processingStatus())
                    .as(name)
                    .isEmpty();
        }
    }

    @Test
    void aCommandThatLosesTheRaceOnTheOtherNodeIs409NeverA503() throws Exception {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        for (int round = 0; round < 15; round++) {
            String id = created(a.post("/api/v1/proposals", AUTOMATION));
            List<Http.Response> responses = race(
                    () -> a.post("/api/v1/proposals/" + id + "/approve", "{}"),
                    () -> b.post("/api/v1/proposals/" + id + "/approve", "{}"));

            assertThat(responses)
                    .as(
                            "round %d: %s",
                            round, responses.stream().map(Http.Response::body).toList())
                    .extracting(Http.Response::status)
                    .containsExactlyInAnyOrder(200, 409);
            Http.Response loser = responses.stream()
                    .filter(r -> r.status() == 409)
                    .findFirst()
                    .orElseThrow();
            assertThat(loser.json().get("error").get("type").asText()).isEqualTo("conflict");
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                            .param("id", id)
                            .query(Long.class)
                            .single())
                    .as("created and approved once")
                    .isEqualTo(2);
        }
    }

    @Test
    void aDeployOnTheNodeWithoutTheProcessManagerAnswersWithTheOutcomeAtOnce() {
        for (int round = 0; round < 3; round++) {
            String id = created(b.post("/api/v1/proposals", AUTOMATION));
            assertThat(b.post("/api/v1/proposals/" + id + "/approve", "{}").status())
                    .isEqualTo(200);

            long start = System.nanoTime();
            Http.Response deploy = b.post("/api/v1/proposals/" + id + "/deploy", "{}");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(deploy.status()).as(deploy.body()).isEqualTo(200);
            assertThat(deploy.json().get("success").asBoolean()).isTrue();
            // Node B waits up to 60 s for the outcome (start()); before the fix it always waited all of it.
            assertThat(took).as("deploy through node B").isLessThan(Duration.ofSeconds(10));

            start = System.nanoTime();
            Http.Response rollback = b.post("/api/v1/proposals/" + id + "/rollback", "{}");
            took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
            assertThat(rollback.json().get("success").asBoolean()).isTrue();
            assertThat(took).as("rollback through node B").isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void createThenListOnTheNodeWithoutTheProjectionSeesItOnTheNextCall() {
        for (int round = 0; round < 30; round++) {
            String id = created(b.post("/api/v1/proposals", AUTOMATION));
            assertThat(ids(b.get("/api/v1/proposals?limit=5")))
                    .as("round %d", round)
                    .contains(id);
            assertThat(ids(b.get("/api/v1/proposals/pending?limit=5")))
                    .as("round %d", round)
                    .contains(id);
        }
    }

    @Test
    void theConsistencyTokenOfOneNodeMakesAReadOnTheOtherWaitForIt() {
        for (int round = 0; round < 10; round++) {
            Http.Response created = a.post("/api/v1/proposals", AUTOMATION);
            String token = created.header("X-Consistency-Token");
            assertThat(token).isNotNull();

            Http.Response list = b.send(
                    java.net.http.HttpRequest.newBuilder(b.uri("/api/v1/proposals?limit=5"))
                            .GET(),
                    Map.of("X-Consistency-Token", token));

            assertThat(list.header("X-Consistency-Timeout")).isNull();
            assertThat(ids(list)).as("round %d", round).contains(created(created));
        }
    }

    @Test
    void aDueCronScheduleRunsOnceAlthoughBothNodesTick() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        if (now.getSecond() > 45) {
            Thread.sleep((61 - now.getSecond()) * 1000L);
            now = ZonedDateTime.now(ZoneOffset.UTC);
        }
        ZonedDateTime fires = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        Http.Response created = a.post(
                "/api/v1/insight-schedules", """
                {"name": "Two nodes %s", "analysis_type": "device_health", "trigger_type": "cron",
                 "cron_expression": "%d %d * * *", "entity_ids": ["light.hall"]}""".formatted(UUID.randomUUID(), fires.getMinute(), fires.getHour()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> b.get("/api/v1/insight-schedules/" + id)
                                .json()
                                .get("run_count")
                                .asInt()
                        > 0);
        // Both nodes keep ticking over the firing for a few more seconds.
        Thread.sleep(5_000);

        JdbcClient db = nodeA.getBean(JdbcClient.class);
        long runs = db.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND payload_type LIKE '%InsightScheduleRunStarted'""").param("id", id).query(Long.class).single();
        assertThat(runs).isEqualTo(1);
        assertThat(a.get("/api/v1/insight-schedules/" + id)
                        .json()
                        .get("run_count")
                        .asInt())
                .isEqualTo(1);
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static List<String> ids(Http.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static ConfigurableApplicationContext start(String... nodeArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--aether.ha.url=" + ha.baseUrl(),
                "--aether.ha.token=" + HA_TOKEN,
                "--aether.auth.password=" + PASSWORD,
                "--aether.auth.jwt-secret=" + JWT_SECRET,
                "--aether.auth.bcrypt-strength=4",
                "--aether.deploy.wait-timeout=60s",
                // Cron ticks every second on both nodes, so a firing is seen by both.
                "--aether.insights.schedule-tick=1s",
                "--aether.scheduler.polling-interval=500ms"));
        args.addAll(List.of(nodeArgs));
        return new SpringApplicationBuilder(AetherApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    @SafeVarargs
    private static List<Http.Response> race(Callable<Http.Response>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier start = new CyclicBarrier(calls.length);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (Callable<Http.Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
