package io.aether.bench;

import io.aether.simulator.HomeAssistantSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Aether server as a separate process ({@code java -Xmx256m -jar api/target/aether.jar}), on 127.0.0.1 only. */
final class AetherServer implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    /** WARN lines every start logs (stack notes): Spring 6.2 deprecations about Axon's annotations etc. */
    private static final List<String> NOTICES = List.of(
            "Support for convention-based annotation attribute overrides",
            "SpringDocAppInitializer",
            "This Gauge has been already registered");

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);

    /** USER_HZ: 100 on every mainstream Linux build (getconf CLK_TCK). */
    private static final int CLOCK_TICKS = 100;

    private final Process process;
    private final Path logFile;
    private final Path dataDir;
    private final int port;
    private final long spawnNanos;
    private Integer exitCode;
    private double stopSeconds = -1;

    private static final String PASSWORD = "bench-password-0123456789";
    private String authorization;

    private AetherServer(Process process, Path logFile, Path dataDir, int port, long spawnNanos) {
        this.process = process;
        this.logFile = logFile;
        this.dataDir = dataDir;
        this.port = port;
        this.spawnNanos = spawnNanos;
    }

    /** Where the server finds Home Assistant: the simulator serves its WebSocket API on a port of its own. */
    record HaAddress(String url, String webSocketUrl) {
        static HaAddress of(HomeAssistantSimulator simulator) {
            return new HaAddress(simulator.baseUrl(), simulator.wsUrl());
        }
    }

    static AetherServer spawn(
            Path jar,
            String heap,
            List<String> extraJvmArgs,
            BenchDatabase db,
            HaAddress haUrl,
            String haToken,
            Path workDir)
            throws IOException {
        return spawn(jar, heap, extraJvmArgs, db, haUrl, haToken, workDir, workDir.resolve("aether-data"), null);
    }

    /**
     * As above with a given data directory (a second server on the same database needs the first
     * one's, which holds the key of the secrets stored in the database); with extraClassPath (a
     * directory) the jar is started through Spring Boot's PropertiesLauncher with that directory
     * on loader.path, so classes in it join the server.
     */
    static AetherServer spawn(
            Path jar,
            String heap,
            List<String> extraJvmArgs,
            BenchDatabase db,
            HaAddress haUrl,
            String haToken,
            Path workDir,
            Path dataDirectory,
            Path extraClassPath)
            throws IOException {
        int port = freePort();
        Path dataDir = Files.createDirectories(dataDirectory);
        Path log = workDir.resolve("aether-server.log");
        // Run a private copy: a rebuild of api/target/aether.jar while the server runs would pull
        // classes from under it (NoClassDefFoundError at the first class loaded late).
        Path copy = Files.copy(jar, workDir.resolve("aether.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap));
        command.addAll(extraJvmArgs);
        if (extraClassPath == null) {
            command.addAll(List.of("-jar", copy.toString()));
        } else {
            command.addAll(List.of(
                    "-Dloader.path=" + extraClassPath,
                    "-cp",
                    copy.toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // Only the settings below reach the server; AETHER_DB_URL of the bench itself names the admin database.
        env.keySet().removeIf(k -> k.startsWith("AETHER_") || k.startsWith("SPRING_") || k.startsWith("SERVER_"));
        env.put("AETHER_DB_URL", db.jdbcUrl());
        env.put("AETHER_DB_USER", db.user());
        env.put("AETHER_DB_PASSWORD", db.password());
        env.put("AETHER_PORT", Integer.toString(port));
        env.put("AETHER_HA_URL", haUrl.url());
        env.put("AETHER_HA_WEBSOCKET_URL", haUrl.webSocketUrl());
        env.put("AETHER_HA_TOKEN", haToken);
        env.put("AETHER_DATA_DIR", dataDir.toString());
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // The bench signs in with the configured fallback password (no first-time setup needed).
        env.put("AETHER_AUTH_PASSWORD", PASSWORD);
        env.put("AETHER_RATE_LIMIT_ATTEMPTS", "1000");
        // The chat benchmark runs thousands of turns on one session.
        env.put("AETHER_CHAT_RATE_LIMIT_ATTEMPTS", "100000000");
        // Extra server settings for one run, e.g. -Dbench.serverEnv=AETHER_TRACES_ENABLED=false.
        for (String setting : System.getProperty("bench.serverEnv", "").split(",")) {
            int eq = setting.indexOf('=');
            if (eq > 0 && setting.startsWith("AETHER_")) {
                env.put(
                        setting.substring(0, eq).strip(),
                        setting.substring(eq + 1).strip());
            }
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new AetherServer(p, log, dataDir, port, t0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The Authorization header value of a session, signing in once (after the server is ready). */
    synchronized String authorization() throws IOException, InterruptedException {
        if (authorization == null) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\": \"admin\", \"password\": \"" + PASSWORD + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new BenchFailure("POST /api/v1/auth/login answered " + login.statusCode() + ": " + login.body());
            }
            String token = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(login.body())
                    .path("token")
                    .asText();
            authorization = "Bearer " + token;
        }
        return authorization;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    /** Polls GET /api/v1/ready every 50 ms; answers seconds from process spawn to the first 200. */
    double awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long maxPolls = timeout.toMillis() / 50 + 1;
        for (long i = 0; i < maxPolls && System.nanoTime() < deadline; i++) {
            if (!process.isAlive()) {
                throw new BenchFailure("The Aether server exited with code " + process.exitValue()
                        + " during start-up; its log (" + logFile + ") ends with:\n" + logTail(40));
            }
            if (i % 20 == 19 && startFailed()) {
                throw new BenchFailure(
                        "The Aether server failed to start; its log (" + logFile + ") ends with:\n" + logTail(40));
            }
            try {
                HttpResponse<Void> r = http.send(ready, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - spawnNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new BenchFailure("The Aether server did not answer 200 on /api/v1/ready within " + timeout.toSeconds()
                + " s; its log (" + logFile + ") ends with:\n" + logTail(40));
    }

    /** Spring Boot logs this when the context fails; the JVM may stay alive on non-daemon threads. */
    private boolean startFailed() {
        try {
            String text = Files.readString(logFile, StandardCharsets.UTF_8);
            return text.contains("Application run failed")
                    || text.contains("Exception in thread \"main\"")
                    || text.contains("APPLICATION FAILED TO START");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Spring Boot's own "Started ... in X seconds" figure (JVM start to context refreshed), if logged. */
    Double springReportedStartSeconds() {
        try {
            Matcher m = STARTED.matcher(Files.readString(logFile, StandardCharsets.UTF_8));
            return m.find() ? Double.parseDouble(m.group(1)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** VmRSS of the server process in kB, empty if it is gone. */
    OptionalLong rssKb() {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
            return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU time (user + system) the server process has used so far, in seconds; -1 if unknown. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based over the whole line)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    void checkAlive(String during) {
        if (!process.isAlive()) {
            throw new BenchFailure("The Aether server exited with code " + process.exitValue() + " during " + during
                    + "; its log (" + logFile + ") ends with:\n" + logTail(40));
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Lines of the server log at WARN or ERROR level (first few), for the report. */
    List<String> problems(int max) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
                boolean notice = NOTICES.stream().anyMatch(line::contains);
                if ((line.contains(" ERROR ") || line.contains(" WARN ")) && !notice && out.size() < max) {
                    out.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                }
            }
        } catch (IOException | RuntimeException e) {
            out.add("(log unreadable: " + e + ")");
        }
        return out;
    }

    Integer exitCode() {
        return exitCode;
    }

    double stopSeconds() {
        return stopSeconds;
    }

    /** SIGTERM, wait up to 30 s for the graceful shutdown, then SIGKILL. Idempotent. */
    @Override
    public synchronized void close() {
        if (exitCode != null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    System.err.println("warning: the Aether server did not stop within 30 s of SIGTERM; killing it");
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            stopSeconds = (System.nanoTime() - t0) / 1e9;
            exitCode = process.isAlive() ? null : process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
