package io.aether.homeassistant.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.homeassistant.HomeAssistantClient;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.HomeAssistantException.Kind;
import io.aether.homeassistant.HomeAssistantSettings;
import io.aether.homeassistant.websocket.HomeAssistantWebSocketClient.EventListener;
import io.aether.homeassistant.websocket.HomeAssistantWebSocketClient.Options;
import io.aether.homeassistant.websocket.HomeAssistantWebSocketClient.Subscription;
import io.aether.simulator.HomeAssistantSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket client against the simulator's real WebSocket server: handshake, commands, events, failures. */
class HomeAssistantWebSocketClientTest {

    private static final String TOKEN = "ws-test-secret-token-77";
    private static final ObjectMapper mapper = new ObjectMapper();
    private static final Options FAST =
            new Options(Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(400), 100);
    private static HomeAssistantSimulator ha;

    private final List<HomeAssistantWebSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        ha = HomeAssistantSimulator.start(0, TOKEN);
    }

    @AfterAll
    static void stop() {
        ha.stop();
    }

    @BeforeEach
    void fresh() {
        ha.reset();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(HomeAssistantWebSocketClient::close);
        ha.startWebSocket(); // a test that stopped it
    }

    // --- handshake and URL ------------------------------------------------------------------------

    @Test
    void handshakeWithTheRightTokenConnects() {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        assertThat(client.connected()).isTrue();
        assertThat(client.haVersion()).isEqualTo("2026.1.0");
        assertThat(client.connectionCount()).isEqualTo(1);
    }

    @Test
    void badTokenIsUnauthorizedWithoutTheToken() {
        String wrong = "wrong-" + TOKEN;
        HomeAssistantWebSocketClient client = client(wrong, Duration.ofSeconds(5), FAST);
        Throwable thrown = catchThrowable(client::connect);
        assertThat(thrown).isInstanceOf(HomeAssistantException.class);
        assertThat(((HomeAssistantException) thrown).kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(thrown.getMessage())
                .contains("Invalid access token or password")
                .doesNotContain(wrong);
        assertThat(client.connected()).isFalse();
        assertThat(kindOf(() -> client.call("get_states"))).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void webSocketUrlIsDerivedFromTheBaseUrl() {
        assertThat(HomeAssistantWebSocketClient.webSocketUri("http://ha.local:8123"))
                .isEqualTo(URI.create("ws://ha.local:8123/api/websocket"));
        assertThat(HomeAssistantWebSocketClient.webSocketUri("https://ha.example.org/"))
                .isEqualTo(URI.create("wss://ha.example.org/api/websocket"));
        assertThat(HomeAssistantWebSocketClient.webSocketUri("HTTPS://ha.example.org:8443/ha/"))
                .isEqualTo(URI.create("wss://ha.example.org:8443/ha/api/websocket"));
        assertThat(kindOf(() -> HomeAssistantWebSocketClient.webSocketUri(" "))).isEqualTo(Kind.NOT_CONFIGURED);
        assertThat(kindOf(() -> HomeAssistantWebSocketClient.webSocketUri("ftp://ha.local")))
                .isEqualTo(Kind.NOT_CONFIGURED);
        // The simulator's own base URL derives to its REST port; its WebSocket has a port of its own.
        assertThat(HomeAssistantWebSocketClient.webSocketUri(ha.baseUrl()).getPath())
                .isEqualTo("/api/websocket");
        assertThat(URI.create(ha.wsUrl()).getPath()).isEqualTo("/api/websocket");
    }

    @Test
    void closedPortIsUnreachable() {
        HomeAssistantWebSocketClient client = new HomeAssistantWebSocketClient(
                settings(TOKEN, Duration.ofSeconds(2)), URI.create("ws://127.0.0.1:1/api/websocket"), mapper, FAST);
        clients.add(client);
        assertThat(kindOf(client::connect)).isEqualTo(Kind.UNREACHABLE);
    }

    // --- commands ---------------------------------------------------------------------------------

    @Test
    void coreCommandsRoundTrip() {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        JsonNode states = client.getStates();
        assertThat(states.isArray()).isTrue();
        assertThat(entityIds(states)).contains("light.hall", "switch.coffee_maker", "input_boolean.guest_mode");
        assertThat(client.getConfig().path("version").asText()).isEqualTo("2026.1.0");
        JsonNode services = client.getServices();
        assertThat(services.path("light").has("turn_on")).isTrue();
        assertThat(services.path("input_boolean").has("toggle")).isTrue();

        JsonNode result = client.callService(
                "light", "turn_on", mapper.createObjectNode().put("brightness", 99), target("light.hall"));
        assertThat(result.path("context").path("id").asText()).hasSize(26);
        assertThat(ha.state("light.hall").orElseThrow().path("state").asText()).isEqualTo("on");
        assertThat(ha.state("light.hall")
                        .orElseThrow()
                        .path("attributes")
                        .path("brightness")
                        .asInt())
                .isEqualTo(99);

        assertThat(code(() -> client.callService("light", "explode", null, target("light.hall"))))
                .isEqualTo("not_found");
        assertThat(code(() ->
                        client.call("call_service", mapper.createObjectNode().put("domain", "light"))))
                .isEqualTo("invalid_format");
        assertThat(code(() -> client.call("no_such_command"))).isEqualTo("unknown_command");
        HomeAssistantException error = (HomeAssistantException) catchThrowable(() -> client.call("no_such_command"));
        assertThat(error.kind()).isEqualTo(Kind.REJECTED);
        assertThat(error.getMessage()).contains("unknown_command").contains("Unknown command.");
    }

    @Test
    void registriesRoundTrip() {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        JsonNode areas = client.areaRegistry();
        assertThat(values(areas, "area_id")).containsExactly("living_room", "hall", "kitchen");
        JsonNode devices = client.deviceRegistry();
        assertThat(values(devices, "name")).contains("Hall lamp", "Hall motion sensor");
        String hallLamp = find(devices, "name", "Hall lamp").path("id").asText();
        assertThat(find(devices, "name", "Hall lamp").path("area_id").asText()).isEqualTo("hall");
        JsonNode entities = client.entityRegistry();
        JsonNode hall = find(entities, "entity_id", "light.hall");
        assertThat(hall.path("device_id").asText()).isEqualTo(hallLamp);
        assertThat(hall.path("platform").asText()).isEqualTo("hue");
        assertThat(find(entities, "entity_id", "input_boolean.guest_mode")
                        .path("platform")
                        .asText())
                .isEqualTo("input_boolean");
    }

    @Test
    void inputBooleanHelpersAreCreatedListedAndDeleted() {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        assertThat(values(client.listHelpers("input_boolean"), "id")).containsExactly("guest_mode");

        JsonNode created = client.createHelper(
                "input_boolean",
                mapper.createObjectNode()
                        .put("name", "Away mode")
                        .put("initial", true)
                        .put("id", "ignored"));
        assertThat(created.path("id").asText()).isEqualTo("away_mode");
        assertThat(created.path("name").asText()).isEqualTo("Away mode");
        JsonNode second =
                client.createHelper("input_boolean", mapper.createObjectNode().put("name", "Away mode"));
        assertThat(second.path("id").asText()).isEqualTo("away_mode_2");
        assertThat(values(client.listHelpers("input_boolean"), "id"))
                .containsExactly("guest_mode", "away_mode", "away_mode_2");
        assertThat(ha.state("input_boolean.away_mode")
                        .orElseThrow()
                        .path("state")
                        .asText())
                .isEqualTo("on");
        assertThat(values(client.entityRegistry(), "entity_id")).contains("input_boolean.away_mode");

        client.deleteHelper("input_boolean", "away_mode");
        assertThat(values(client.listHelpers("input_boolean"), "id")).containsExactly("guest_mode", "away_mode_2");
        assertThat(ha.state("input_boolean.away_mode")).isEmpty();
        assertThat(code(() -> client.deleteHelper("input_boolean", "away_mode")))
                .isEqualTo("not_found");
        assertThat(code(() -> client.createHelper("input_boolean", mapper.createObjectNode())))
                .isEqualTo("invalid_format");

        ha.setWebSocketAdmin(false);
        HomeAssistantException refused = (HomeAssistantException) catchThrowable(() ->
                client.createHelper("input_boolean", mapper.createObjectNode().put("name", "Nope")));
        assertThat(((HomeAssistantCommandException) refused).code()).isEqualTo("unauthorized");
        assertThat(refused.kind()).isEqualTo(Kind.UNAUTHORIZED);
    }

    @Test
    void lovelaceDashboardsAreListedReadAndSaved() {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        JsonNode dashboards = client.dashboards();
        assertThat(values(dashboards, "url_path")).containsExactly("dashboard-home");
        assertThat(dashboards.get(0).path("mode").asText()).isEqualTo("storage");
        assertThat(client.lovelaceConfig("dashboard-home")
                        .path("views")
                        .get(0)
                        .path("title")
                        .asText())
                .isEqualTo("Home");
        assertThat(code(() -> client.lovelaceConfig(null))).isEqualTo("config_not_found");
        assertThat(code(() -> client.lovelaceConfig("no-such-board"))).isEqualTo("config_not_found");

        ObjectNode config = mapper.createObjectNode();
        config.putArray("views").addObject().put("title", "Saved by Aether");
        client.saveLovelaceConfig(null, config);
        assertThat(client.lovelaceConfig(null)).isEqualTo(config);
        client.saveLovelaceConfig("dashboard-home", config);
        assertThat(client.lovelaceConfig("dashboard-home")).isEqualTo(config);
    }

    @Test
    void outOfOrderRepliesAreMatchedById() throws Exception {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        ha.delayWebSocketReplies("get_config", Duration.ofMillis(600));
        CompletableFuture<JsonNode> config = client.send("get_config", null);
        CompletableFuture<JsonNode> states = client.send("get_states", null);
        JsonNode stateList = states.get(5, TimeUnit.SECONDS);
        assertThat(config).isNotDone(); // the later command's answer came first
        assertThat(entityIds(stateList)).contains("light.hall");
        assertThat(config.get(5, TimeUnit.SECONDS).path("location_name").asText())
                .isEqualTo("Aether Demo Home");
    }

    @Test
    void aCallWithoutAnAnswerTimesOutAndTheConnectionStaysUsable() {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofMillis(300), FAST);
        ha.ignoreWebSocketCommand("get_services", true);
        long started = System.nanoTime();
        HomeAssistantException e = (HomeAssistantException) catchThrowable(client::getServices);
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("get_services").contains("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(entityIds(client.getStates())).contains("light.hall");
    }

    @Test
    void shutdownFailsPendingCallsAtOnce() {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(30), FAST);
        ha.ignoreWebSocketCommand("get_states", true);
        CompletableFuture<JsonNode> pending = client.send("get_states", null);
        long started = System.nanoTime();
        client.close();
        Throwable thrown = catchThrowable(pending::join);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(((HomeAssistantException) thrown.getCause()).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kindOf(client::getConfig)).isEqualTo(Kind.UNAVAILABLE);
    }

    // --- events, reconnect, back-pressure --------------------------------------------------------

    @Test
    void subscriptionReceivesStateChangedFromRestAndWebSocketServiceCalls() throws Exception {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        Collecting events = new Collecting();
        client.subscribeStateChanged(events);

        rest().callService("light", "turn_on", mapper.createObjectNode().put("entity_id", "light.hall"));
        JsonNode event = events.next();
        assertThat(event.path("event_type").asText()).isEqualTo("state_changed");
        assertThat(event.path("data").path("entity_id").asText()).isEqualTo("light.hall");
        assertThat(event.path("data").path("old_state").path("state").asText()).isEqualTo("off");
        assertThat(event.path("data").path("new_state").path("state").asText()).isEqualTo("on");
        assertThat(event.path("origin").asText()).isEqualTo("LOCAL");

        JsonNode result = client.callService("switch", "toggle", null, target("switch.coffee_maker"));
        JsonNode second = events.next();
        assertThat(second.path("data").path("entity_id").asText()).isEqualTo("switch.coffee_maker");
        assertThat(second.path("data").path("new_state").path("state").asText()).isEqualTo("on");
        assertThat(second.path("context").path("id").asText())
                .isEqualTo(result.path("context").path("id").asText());

        client.deleteHelper("input_boolean", "guest_mode");
        JsonNode removed = events.next();
        assertThat(removed.path("data").path("entity_id").asText()).isEqualTo("input_boolean.guest_mode");
        assertThat(removed.path("data").path("new_state").isNull()).isTrue();
    }

    @Test
    void restartedServerMeansReconnectResubscribeAndLaterEvents() throws Exception {
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), FAST);
        Collecting events = new Collecting();
        Subscription subscription = client.subscribeStateChanged(events);
        long firstId = subscription.id();

        ha.restartWebSocket();
        await(() -> client.connectionCount() == 2 && client.connected(), "reconnected");
        assertThat(events.resubscribed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(subscription.id()).isGreaterThan(firstId);

        rest().callService("light", "turn_on", mapper.createObjectNode().put("entity_id", "light.hall"));
        assertThat(events.next().path("data").path("entity_id").asText()).isEqualTo("light.hall");

        // Down for a while: calls fail fast, the client keeps trying with back-off, and comes back.
        ha.stopWebSocket();
        await(() -> !client.connected(), "noticed the drop");
        assertThat(kindOf(client::getStates)).isEqualTo(Kind.UNAVAILABLE);
        Thread.sleep(600); // several back-off rounds against a closed port
        assertThat(client.lastFailure()).isNotNull();
        assertThat(client.lastFailure().kind()).isEqualTo(Kind.UNREACHABLE);
        ha.startWebSocket();
        await(() -> client.connectionCount() == 3 && client.connected(), "reconnected after downtime");
        await(() -> events.resubscribedCount.get() == 2, "resubscribed twice");
        rest().callService("switch", "turn_on", mapper.createObjectNode().put("entity_id", "switch.coffee_maker"));
        assertThat(events.next().path("data").path("entity_id").asText()).isEqualTo("switch.coffee_maker");
    }

    @Test
    void missingPongDropsTheSocketAndReconnects() {
        Options pinging = new Options(Duration.ofMillis(150), Duration.ofMillis(50), Duration.ofMillis(200), 10);
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofMillis(300), pinging);
        ha.ignoreWebSocketCommand("ping", true);
        await(() -> client.connectionCount() >= 2, "reconnected after a missing pong");
        ha.ignoreWebSocketCommand("ping", false);
        sleep(700); // a ping sent just before has timed out (300 ms) and its socket is replaced
        await(client::connected, "connected again");
        assertThat(entityIds(client.getStates())).contains("light.hall");
    }

    @Test
    void aSlowListenerGetsABoundedQueueAndIsToldItLagged() throws Exception {
        Options small = new Options(Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(400), 4);
        HomeAssistantWebSocketClient client = connected(TOKEN, Duration.ofSeconds(5), small);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        AtomicLong lagged = new AtomicLong();
        Subscription subscription = client.subscribeStateChanged(new EventListener() {
            @Override
            public void onEvent(JsonNode event) {
                delivered.incrementAndGet();
                try {
                    release.await(); // a consumer that has stopped
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onLagged(long dropped) {
                lagged.set(dropped);
            }
        });

        for (int i = 0; i < 20; i++) { // each toggle is one state_changed; replies keep coming meanwhile
            client.callService("light", "toggle", null, target("light.hall"));
        }
        await(() -> subscription.received() == 20, "all 20 events reached the client");
        long dropped = subscription.dropped();
        assertThat(dropped).isBetween(15L, 16L); // 4 queued (+1 in the listener), the rest dropped
        release.countDown();
        await(() -> delivered.get() == 20 - dropped, "queued events delivered");
        assertThat(lagged.get()).isEqualTo(dropped);
        Thread.sleep(100);
        assertThat(delivered.get()).isEqualTo(20 - (int) dropped);
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** Collects events for the test thread. */
    private static final class Collecting implements EventListener {
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        final CountDownLatch resubscribed = new CountDownLatch(1);
        final AtomicInteger resubscribedCount = new AtomicInteger();

        @Override
        public void onEvent(JsonNode event) {
            events.add(event);
        }

        @Override
        public void onResubscribed() {
            resubscribedCount.incrementAndGet();
            resubscribed.countDown();
        }

        JsonNode next() throws InterruptedException {
            JsonNode event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("an event within 5 s").isNotNull();
            return event;
        }
    }

    private HomeAssistantWebSocketClient connected(String token, Duration requestTimeout, Options options) {
        HomeAssistantWebSocketClient client = client(token, requestTimeout, options);
        client.connect();
        return client;
    }

    private HomeAssistantWebSocketClient client(String token, Duration requestTimeout, Options options) {
        HomeAssistantWebSocketClient client = new HomeAssistantWebSocketClient(
                settings(token, requestTimeout), URI.create(ha.wsUrl()), mapper, options);
        clients.add(client);
        return client;
    }

    private static HomeAssistantSettings settings(String token, Duration requestTimeout) {
        return new HomeAssistantSettings(ha.baseUrl(), token, Duration.ofSeconds(2), requestTimeout);
    }

    private static HomeAssistantClient rest() {
        return new HomeAssistantClient(new HomeAssistantSettings(ha.baseUrl(), TOKEN), mapper);
    }

    private static ObjectNode target(String entityId) {
        return mapper.createObjectNode().put("entity_id", entityId);
    }

    private static List<String> entityIds(JsonNode states) {
        return values(states, "entity_id");
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static Kind kindOf(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(HomeAssistantException.class);
        return ((HomeAssistantException) thrown).kind();
    }

    private static String code(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(HomeAssistantCommandException.class);
        return ((HomeAssistantCommandException) thrown).code();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
