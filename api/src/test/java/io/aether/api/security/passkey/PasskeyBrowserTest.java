package io.aether.api.security.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole passkey story in a real browser: headless Chromium with a virtual authenticator
 * drives the /login page (password sign-in, register a passkey, sign out, sign in with the
 * passkey), then replays the captured assertion, which must be refused. See
 * src/test/e2e/passkey-flow.mjs; Chromium and the npm packages come from
 * scripts/install-test-browser.sh.
 */
class PasskeyBrowserTest extends IntegrationTest {
    private static final Path E2E = Path.of("src/test/e2e");
    private static final String SETUP_HINT = "run scripts/install-test-browser.sh from the repository root";
    private static final long TIMEOUT_SECONDS = 120;

    @Test
    void aPasskeyIsRegisteredAndUsedThroughTheLoginPageInChromium() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as("Chromium is missing at %s: %s", chromium, SETUP_HINT)
                .isTrue();
        assertThat(E2E.resolve("node_modules/playwright-core"))
                .as("playwright-core is not installed: %s", SETUP_HINT)
                .isDirectory();
        long auditBefore =
                http.get("/api/v1/auth/audit?limit=1").json().get("total").asLong();

        // localhost, not 127.0.0.1: an IP address is not a valid WebAuthn rp id.
        Run run = node("passkey-flow.mjs", "http://localhost:" + port, OWNER, OWNER_PASSWORD);

        System.out.println("passkey-flow.mjs: " + run.lastLine());
        assertThat(run.exitCode())
                .as("passkey-flow.mjs failed:\n%s", run.output())
                .isZero();
        JsonNode results = new ObjectMapper().readTree(run.lastLine());
        assertThat(results.get("ok").asBoolean()).as(run.output()).isTrue();
        assertThat(results.get("failures")).as(run.output()).isEmpty();
        assertThat(results.get("steps").properties())
                .as(run.output())
                .isNotEmpty()
                .allSatisfy(step -> assertThat(step.getValue().asBoolean())
                        .as(step.getKey())
                        .isTrue());
        assertThat(results.get("authenticatorCredentials").asInt()).isEqualTo(1);
        assertThat(results.get("me").get("auth_method").asText()).isEqualTo("cookie");
        assertThat(results.get("me").get("has_passkeys").asBoolean()).isTrue();
        assertThat(results.get("replayStatus").asInt()).isEqualTo(401);

        List<JsonNode> flow = auditSince(auditBefore);
        assertThat(flow).as("audit of the browser flow").anySatisfy(entry -> {
            assertThat(entry.get("event").asText()).isEqualTo("PasskeyRegistered");
            assertThat(entry.get("details").toString()).contains("Chromium virtual authenticator");
        });
        assertThat(flow).anySatisfy(entry -> {
            assertThat(entry.get("event").asText()).isEqualTo("LoginSucceeded");
            assertThat(entry.get("details").get("method").asText()).isEqualTo("passkey");
        });
        assertThat(flow).anySatisfy(entry -> {
            assertThat(entry.get("event").asText()).isEqualTo("LoginFailed");
            assertThat(entry.get("details").get("method").asText()).isEqualTo("passkey");
            assertThat(entry.get("details").get("reason").asText()).isEqualTo("unknown_challenge");
        });
        assertThat(flow)
                .anySatisfy(entry -> assertThat(entry.get("event").asText()).isEqualTo("LoggedOut"));
    }

    /** The audit entries recorded after the trail held {@code before} of them (the trail is newest first). */
    private List<JsonNode> auditSince(long before) {
        JsonNode page = http.get("/api/v1/auth/audit?limit=500").json();
        long added = page.get("total").asLong() - before;
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : page.get("items")) {
            if (entries.size() < added) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private record Run(int exitCode, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** Runs a script of src/test/e2e with node; stdout and stderr together, killed after the timeout. */
    private static Run node(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("passkey-flow-", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(E2E.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Run(-1, "timed out after " + TIMEOUT_SECONDS + " s\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
