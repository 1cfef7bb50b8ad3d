package io.aether.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.aether.homeassistant.HomeAssistantException.Kind;
import io.aether.simulator.HomeAssistantSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the client reports each way a call to Home Assistant can fail, without leaking the token. */
class HomeAssistantClientTest {

    private static final String TOKEN = "client-test-secret-token-42";
    private static final ObjectMapper mapper = new ObjectMapper();
    private static HomeAssistantSimulator ha;

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, TOKEN);
    }

    @AfterAll
    static void stop() {
        ha.stop();
    }

    @Test
    void settingsStripTrailingSlashAndHideTheToken() {
        HomeAssistantSettings settings = new HomeAssistantSettings("http://ha.local:8123//", TOKEN);
        assertThat(settings.baseUrl()).isEqualTo("http://ha.local:8123");
        assertThat(settings.configured()).isTrue();
        assertThat(settings.toString()).doesNotContain(TOKEN);
        assertThat(new HomeAssistantSettings(" ", TOKEN).configured()).isFalse();
    }

    @Test
    void notConfiguredClientThrowsNotConfigured() {
        HomeAssistantClient client = new HomeAssistantClient(new HomeAssistantSettings("", TOKEN), mapper);
        assertFailure(client::apiStatus, Kind.NOT_CONFIGURED, 0)
                .isEqualTo("Home Assistant is not configured (set AETHER_HA_URL and AETHER_HA_TOKEN)");
    }

    @Test
    void wrongTokenIsUnauthorized() {
        HomeAssistantClient client = client(ha.baseUrl(), "not-" + TOKEN, Duration.ofSeconds(5));
        assertFailure(client::apiStatus, Kind.UNAUTHORIZED, 401).contains("401: Unauthorized");
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HomeAssistantClient client = client("http://127.0.0.1:" + port, TOKEN, Duration.ofSeconds(5));
        assertFailure(client::apiStatus, Kind.UNREACHABLE, 0).contains("127.0.0.1:" + port);
    }

    @Test
    void serverThatNeverAnswersIsTimeout() throws Exception {
        // The kernel completes the TCP handshake from the backlog; nobody ever reads the request.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HomeAssistantClient client =
                    client("http://127.0.0.1:" + silent.getLocalPort(), TOKEN, Duration.ofMillis(300));
            assertFailure(() -> client.getState("light.hall"), Kind.TIMEOUT, 0).contains("within 300 ms");
        }
    }

    @Test
    void redirectsAreNotFollowedAndBodiesEchoingTheTokenAreRedacted() throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/api/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/api/")) {
                exchange.getResponseHeaders().set("Location", ha.baseUrl() + "/api/");
                exchange.sendResponseHeaders(301, -1);
            } else { // a misbehaving proxy that echoes our headers into its error page
                byte[] body = ("bad gateway; you sent "
                                + exchange.getRequestHeaders().getFirst("Authorization"))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        proxy.start();
        try {
            HomeAssistantClient client =
                    client("http://127.0.0.1:" + proxy.getAddress().getPort(), TOKEN, Duration.ofSeconds(5));
            int before = ha.requestCount("GET", "/api/");
            assertFailure(client::apiStatus, Kind.ERROR, 301).contains("redirect");
            assertThat(ha.requestCount("GET", "/api/")).isEqualTo(before);
            assertFailure(client::getStates, Kind.ERROR, 500).contains("Bearer <redacted>");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void haMessageOfARejectionIsInTheExceptionMessage() {
        HomeAssistantClient client = client(ha.baseUrl(), TOKEN, Duration.ofSeconds(5));
        assertFailure(
                        () -> client.saveAutomationConfig(
                                "x", mapper.createObjectNode().put("alias", "only")),
                        Kind.REJECTED,
                        400)
                .isEqualTo(
                        "Home Assistant rejected the request: Message malformed: required key not provided @ data['triggers']");
    }

    private static HomeAssistantClient client(String baseUrl, String token, Duration requestTimeout) {
        return new HomeAssistantClient(
                new HomeAssistantSettings(baseUrl, token, Duration.ofSeconds(2), requestTimeout), mapper);
    }

    /** Asserts kind and status, checks the token is absent, and hands back the message for more checks. */
    private static org.assertj.core.api.AbstractStringAssert<?> assertFailure(
            ThrowingCallable call, Kind kind, int status) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(HomeAssistantException.class);
        HomeAssistantException e = (HomeAssistantException) thrown;
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        return assertThat(e.getMessage());
    }
}
