package io.aether.homeassistant.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.simulator.HomeAssistantSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's WebSocket on the wire, with a bare JDK socket: the rules a correct client never
 * trips over (id reuse, malformed messages, bad auth messages, HA's delete quirk) answered as HA does.
 */
class SimulatorWebSocketProtocolTest {

    private static final String TOKEN = "ws-protocol-token-5";
    private static final ObjectMapper mapper = new ObjectMapper();
    private static HomeAssistantSimulator ha;
    private Raw raw;

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, TOKEN);
    }

    @AfterAll
    static void stop() {
        ha.stop();
    }

    @AfterEach
    void close() {
        if (raw != null) {
            raw.ws.abort();
        }
    }

    @Test
    void malformedAuthMessageIsAuthInvalidAndClosed() throws Exception {
        raw = Raw.open(ha.wsUrl());
        assertThat(raw.next().path("type").asText()).isEqualTo("auth_required");
        raw.send("{\"type\":\"login\",\"access_token\":\"" + TOKEN + "\"}");
        JsonNode invalid = raw.next();
        assertThat(invalid.path("type").asText()).isEqualTo("auth_invalid");
        assertThat(invalid.path("message").asText()).startsWith("Auth message incorrectly formatted: ");
        assertThat(raw.closed.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void idRulesAndErrorShapesFollowHomeAssistant() throws Exception {
        raw = authenticated();
        raw.send("{\"id\":5,\"type\":\"ping\"}");
        assertThat(raw.next()).isEqualTo(mapper.readTree("{\"id\":5,\"type\":\"pong\"}"));

        raw.send("{\"id\":5,\"type\":\"get_config\"}");
        assertError(raw.next(), 5, "id_reuse", "Identifier values have to increase.");
        raw.send("{\"id\":4,\"type\":\"get_config\"}");
        assertError(raw.next(), 4, "id_reuse", "Identifier values have to increase.");
        raw.send("{\"type\":\"get_config\"}");
        assertError(raw.next(), 0, "invalid_format", "Message incorrectly formatted.");
        raw.send("{\"id\":6,\"type\":\"get_everything\"}");
        assertError(raw.next(), 6, "unknown_command", "Unknown command.");
        raw.send("{\"id\":7,\"type\":\"unsubscribe_events\",\"subscription\":99}");
        assertError(raw.next(), 7, "not_found", "Subscription not found.");
        raw.send("{\"id\":8,\"type\":\"call_service\",\"domain\":\"light\",\"service\":\"explode\"}");
        assertError(raw.next(), 8, "not_found", "Service light.explode not found.");

        raw.send("{\"id\":9,\"type\":\"supported_features\",\"features\":{\"coalesce_messages\":1}}");
        JsonNode ok = raw.next();
        assertThat(ok.path("id").asInt()).isEqualTo(9);
        assertThat(ok.path("success").asBoolean()).isTrue();
        assertThat(ok.has("result") && ok.get("result").isNull()).isTrue();
    }

    @Test
    void deletingAnUnknownHelperSendsNotFoundAndThenSuccessLikeHomeAssistant() throws Exception {
        raw = authenticated();
        raw.send("{\"id\":1,\"type\":\"input_boolean/delete\",\"input_boolean_id\":\"nope\"}");
        assertError(raw.next(), 1, "not_found", "Unable to find input_boolean_id nope");
        JsonNode then = raw.next();
        assertThat(then.path("id").asInt()).isEqualTo(1);
        assertThat(then.path("success").asBoolean()).isTrue();
    }

    private static void assertError(JsonNode reply, int id, String code, String message) {
        assertThat(reply.path("id").asInt()).isEqualTo(id);
        assertThat(reply.path("type").asText()).isEqualTo("result");
        assertThat(reply.path("success").asBoolean(true)).isFalse();
        assertThat(reply.path("error").path("code").asText()).isEqualTo(code);
        assertThat(reply.path("error").path("message").asText()).isEqualTo(message);
    }

    private static Raw authenticated() throws Exception {
        Raw raw = Raw.open(ha.wsUrl());
        assertThat(raw.next().path("type").asText()).isEqualTo("auth_required");
        raw.send("{\"type\":\"auth\",\"access_token\":\"" + TOKEN + "\"}");
        assertThat(raw.next().path("type").asText()).isEqualTo("auth_ok");
        return raw;
    }

    /** A bare socket: every text frame parsed into a queue. */
    private static final class Raw implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        private final StringBuilder buffer = new StringBuilder();
        WebSocket ws;

        static Raw open(String url) throws Exception {
            Raw raw = new Raw();
            raw.ws = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create(url), raw)
                    .get(5, TimeUnit.SECONDS);
            return raw;
        }

        void send(String text) throws Exception {
            ws.sendText(text, true).get(5, TimeUnit.SECONDS);
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = messages.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a message within 5 s").isNotNull();
            return message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                try {
                    messages.add(mapper.readTree(buffer.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                buffer.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.add(statusCode);
            return null;
        }
    }
}
