package io.aether.api.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aether.api.support.Http;
import io.aether.simulator.HomeAssistantSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An export of 100,000 events completes under a 256 MiB heap.
 *
 * <p>Method: the server runs as a process of its own, started from the test class path with
 * {@code -Xmx256m -XX:+ExitOnOutOfMemoryError}, on a PostgreSQL of its own. The store is seeded
 * with SQL: one real {@code ProposalCreated} (made through the API) copied 100,000 times under
 * fresh ids, as the benchmark's ListScaleMeasurement does; the server's own event-log projection
 * lists them. Both formats are then downloaded in full and counted. The exported NDJSON is about
 * 100 MB: held as entry objects (strings, JSON trees) it would need several times the heap, so a
 * server that collected the rows before writing would die of an OutOfMemoryError (and exit) or fail
 * the request instead of streaming every line. The test checks every line arrived, and that the
 * server is still alive and never logged an OutOfMemoryError. The server logs its collections
 * ({@code -Xlog:gc}); {@code -Dexport.heap=96m} runs it on a smaller heap to see the margin.
 */
class ExportMemoryTest {
    private static final int EVENTS = Integer.getInteger("export.events", 100_000);
    private static final String HA_TOKEN = "export-memory-ha-token";
    private static final String PASSWORD = "export-memory-password-0123456789";
    private static final String AUTOMATION = """
            {"name": "Hall light on motion", "description": "Turn the hall light on when motion is seen",
             "trigger": [{"trigger": "state", "entity_id": ["binary_sensor.hall_motion"], "to": ["on"]}],
             "actions": [{"action": "light.turn_on", "target": {"entity_id": "light.hall"}}]}""";

    private static EmbeddedPostgres postgres;
    private static HomeAssistantSimulator ha;
    private static Process server;
    private static Path log;
    private static Http http;

    @BeforeAll
    static void startServerWith256MiB() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        ha = HomeAssistantSimulator.start(0, HA_TOKEN);
        Path work = Files.createTempDirectory("aether-export-memory-");
        log = Path.of("target", "export-memory-server.log").toAbsolutePath();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + System.getProperty("export.heap", "256m"),
                "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:stdout",
                "-Daxoniq.update-checker.disabled=true",
                "-cp",
                System.getProperty("java.class.path"),
                "io.aether.api.platform.AetherApplication",
                "--server.port=" + port,
                "--aether.db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--aether.db.user=postgres",
                "--aether.data-dir=" + work.resolve("data"),
                "--aether.ha.url=" + ha.baseUrl(),
                "--aether.ha.token=" + HA_TOKEN,
                "--aether.auth.password=" + PASSWORD,
                "--aether.auth.bcrypt-strength=4"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AETHER_"));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        server = builder.start();
        Http anonymous = new Http("http://127.0.0.1:" + port);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(server.isAlive())
                            .as(ExportMemoryTest::serverDied)
                            .isTrue();
                    try {
                        return anonymous.get("/api/v1/ready").status() == 200;
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
        http = anonymous.signIn("admin", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (ha != null) {
            ha.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void exportsOfAHundredThousandEventsStreamUnder256MiB() throws Exception {
        Http.Response created = http.post("/api/v1/proposals", AUTOMATION);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        seed(created.json().get("id").asText());
        long expected = count("SELECT count(*) FROM domain_event_entry");
        assertThat(expected).isGreaterThan(EVENTS);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .alias("the event-log projection lists all " + expected + " events (server log: " + log + ")")
                .until(() -> {
                    assertThat(server.isAlive())
                            .as(ExportMemoryTest::serverDied)
                            .isTrue();
                    return count("SELECT count(*) FROM event_log") >= expected;
                });

        assertThat(download("ndjson")).isEqualTo(expected);
        assertThat(download("csv")).isEqualTo(expected + 1); // with its header row
        assertThat(server.isAlive()).as(ExportMemoryTest::serverDied).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }

    /** The message when the server process has gone: the end of its log says why (CI shows only this). */
    private static String serverDied() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "server exited; the end of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (java.io.IOException e) {
            return "server exited (log " + log + " unreadable: " + e + ")";
        }
    }

    /** Downloads the whole export and counts its lines (CSV payloads hold no line break here). */
    private static long download(String format) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/events/export?format=" + format))
                .header("Authorization", "Bearer " + http.defaultToken())
                .timeout(Duration.ofMinutes(5))
                .GET()
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    /** Copies the proposal's ProposalCreated event under fresh proposal ids (one statement per 20,000). */
    private static void seed(String templateId) throws Exception {
        String sql = """
                INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                SELECT gen_random_uuid()::text, t.meta_data,
                    convert_to(replace(replace(convert_from(t.payload, 'UTF8'), t.aggregate_identifier, s.nid),
                        replace(t.aggregate_identifier, '-', ''), replace(s.nid, '-', '')), 'UTF8'),
                    t.payload_revision, t.payload_type,
                    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    s.nid, 0, t.type
                FROM domain_event_entry t, (SELECT g, gen_random_uuid()::text AS nid FROM generate_series(1, ?) g) s
                WHERE t.aggregate_identifier = ? AND t.sequence_number = 0""";
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int done = 0; done < EVENTS; done += 20_000) {
                int n = Math.min(20_000, EVENTS - done);
                st.setInt(1, n);
                st.setString(2, templateId);
                assertThat(st.executeUpdate()).isEqualTo(n);
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
