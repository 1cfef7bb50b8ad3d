package io.aether.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.simulator.StateMachine.Change;
import io.aether.simulator.StateMachine.Context;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HA's {@code /api/websocket} for the simulator: the auth handshake, the id rules, the result and
 * error shapes and the commands Aether uses (core, registries, input_boolean, lovelace), plus
 * {@code state_changed} fan-out to subscribers. The JDK's HttpServer cannot upgrade a connection, so
 * this listens on its own port (Java-WebSocket). State sits behind the simulator's lock; the hooks
 * (delay, ignore, restart, non-admin) are for client tests.
 */
final class SimulatorWebSocket {

    private static final Logger log = LoggerFactory.getLogger(SimulatorWebSocket.class);
    static final String PATH = "/api/websocket";
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> ADMIN_ONLY =
            Set.of("input_boolean/create", "input_boolean/delete", "lovelace/config/save");
    private static final String DEFAULT_DASHBOARD = "";

    private final HomeAssistantSimulator sim;
    private final String token;
    private final String host;
    private int port;
    private volatile Server server;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ha-simulator-ws-timer");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();
    private volatile boolean admin = true;

    // Guarded by sim.lock.
    private final Map<String, ObjectNode> inputBooleans = new LinkedHashMap<>();
    private final Map<String, JsonNode> dashboardConfigs = new LinkedHashMap<>();

    /** One client connection: authenticated yet, last id seen, its subscriptions (id -> event type or "*"). */
    private static final class Conn {
        volatile boolean authenticated;
        long lastId;
        final Map<Long, String> subscriptions = new ConcurrentHashMap<>();
        ScheduledFuture<?> authTimeout;
    }

    SimulatorWebSocket(HomeAssistantSimulator sim, String token, String host, int port) {
        this.sim = sim;
        this.token = token;
        this.host = host;
        this.port = port;
    }

    // --- lifecycle and hooks --------------------------------------------------------------------

    /** Listens (again); a no-op while it already does. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        Server s = new Server(new InetSocketAddress(host, port));
        s.setReuseAddr(true);
        s.setDaemon(true);
        s.start();
        try {
            if (!s.started.await(5, TimeUnit.SECONDS) || s.failure != null) {
                throw new IllegalStateException(
                        "Cannot start the simulator's WebSocket on " + host + ":" + port, s.failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the simulator's WebSocket", e);
        }
        port = s.getPort(); // a restart binds the same port again
        server = s;
    }

    /** Drops every connection (close 1012 "service restart", as HA does when it restarts) and stops listening. */
    synchronized void stop() {
        Server s = server;
        server = null;
        if (s != null) {
            try {
                s.stop(1000, "Home Assistant is restarting");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void shutdown() {
        stop();
        scheduler.shutdownNow();
    }

    int port() {
        return port;
    }

    int connections() {
        Server s = server;
        return s == null ? 0 : s.getConnections().size();
    }

    void delay(String type, Duration delay) {
        if (delay == null || delay.isZero() || delay.isNegative()) {
            delays.remove(type);
        } else {
            delays.put(type, delay);
        }
    }

    void ignore(String type, boolean ignore) {
        if (ignore) {
            ignored.add(type);
        } else {
            ignored.remove(type);
        }
    }

    void admin(boolean admin) {
        this.admin = admin;
    }

    /** Called by the simulator's reset, under its lock. */
    void reset() {
        delays.clear();
        ignored.clear();
        admin = true;
        inputBooleans.clear();
        inputBooleans.put("guest_mode", DemoHome.guestMode(sim.mapper));
        dashboardConfigs.clear();
        dashboardConfigs.put("dashboard-home", DemoHome.dashboardConfig(sim.mapper));
    }

    /** The state machine's listener (under the simulator's lock): one event message per matching subscription. */
    void stateChanged(Change change) {
        Server s = server;
        if (s == null) {
            return;
        }
        ObjectNode event = sim.mapper.createObjectNode();
        event.put("event_type", "state_changed");
        ObjectNode data = event.putObject("data");
        data.put("entity_id", change.entityId());
        data.set("old_state", change.oldState() == null ? null : sim.states.toJson(change.oldState()));
        data.set("new_state", change.newState() == null ? null : sim.states.toJson(change.newState()));
        event.put("origin", "LOCAL");
        event.put("time_fired", StateMachine.iso(Instant.now().truncatedTo(ChronoUnit.MICROS)));
        event.set("context", context(change.context()));
        for (WebSocket ws : s.getConnections()) {
            Conn c = ws.getAttachment();
            if (c == null || !c.authenticated) {
                continue;
            }
            c.subscriptions.forEach((id, type) -> {
                if (type.equals("*") || type.equals("state_changed")) {
                    ObjectNode message =
                            sim.mapper.createObjectNode().put("id", id).put("type", "event");
                    message.set("event", event);
                    send(ws, message);
                }
            });
        }
    }

    // --- protocol ---------------------------------------------------------------------------------

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        volatile Exception failure;

        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket ws, ClientHandshake handshake) {
            String path = handshake.getResourceDescriptor();
            if (!PATH.equals(path == null ? "" : path.split("\\?", 2)[0])) {
                ws.close(CloseFrame.POLICY_VALIDATION, "Not Found");
                return;
            }
            Conn c = new Conn();
            ws.setAttachment(c);
            c.authTimeout = scheduler.schedule(
                    () -> {
                        if (!c.authenticated) {
                            ws.close(CloseFrame.NORMAL, "Did not receive auth message within 10 seconds");
                        }
                    },
                    AUTH_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            send(ws, sim.mapper.createObjectNode().put("type", "auth_required").put("ha_version", DemoHome.VERSION));
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            try {
                receive(ws, text);
            } catch (RuntimeException e) {
                log.warn("Simulator WebSocket failed on a message", e);
                ws.close(CloseFrame.UNEXPECTED_CONDITION, "Internal error");
            }
        }

        @Override
        public void onMessage(WebSocket ws, ByteBuffer bytes) {
            ws.close(CloseFrame.UNEXPECTED_CONDITION, "Received non-Text message.");
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            Conn c = ws.getAttachment();
            if (c != null && c.authTimeout != null) {
                c.authTimeout.cancel(false);
            }
        }

        @Override
        public void onError(WebSocket ws, Exception e) {
            if (ws == null) {
                failure = e; // the server itself could not start
                started.countDown();
            } else {
                log.debug("Simulator WebSocket connection error: {}", e.toString());
            }
        }
    }

    private void receive(WebSocket ws, String text) {
        Conn c = ws.getAttachment();
        if (c == null) {
            return;
        }
        JsonNode message;
        try {
            message = sim.mapper.readTree(text);
        } catch (JsonProcessingException e) {
            ws.close(CloseFrame.UNEXPECTED_CONDITION, "Received invalid JSON.");
            return;
        }
        if (!c.authenticated) {
            auth(ws, c, message);
            return;
        }
        if (message != null && message.isArray()) { // HA also takes a batch of commands in one frame
            message.forEach(m -> command(ws, c, m));
        } else {
            command(ws, c, message);
        }
    }

    private void auth(WebSocket ws, Conn c, JsonNode message) {
        String problem = null;
        if (message == null || !message.isObject()) {
            problem = "expected a dictionary";
        } else if (!"auth".equals(message.path("type").asText(null))) {
            problem = "value must be one of ['auth'] for dictionary value @ data['type']";
        } else if (!message.path("access_token").isTextual()) {
            problem = "expected str for dictionary value @ data['access_token']";
        }
        if (problem != null) {
            send(ws, authInvalid("Auth message incorrectly formatted: " + problem));
            ws.close(CloseFrame.NORMAL);
            return;
        }
        byte[] given = message.get("access_token").asText().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            send(ws, authInvalid("Invalid access token or password"));
            ws.close(CloseFrame.NORMAL);
            return;
        }
        c.authenticated = true;
        c.authTimeout.cancel(false);
        send(ws, sim.mapper.createObjectNode().put("type", "auth_ok").put("ha_version", DemoHome.VERSION));
    }

    private ObjectNode authInvalid(String text) {
        return sim.mapper.createObjectNode().put("type", "auth_invalid").put("message", text);
    }

    /** A command failed: HA's {@code {"id","type":"result","success":false,"error":{code,message}}}. */
    static final class CommandError extends RuntimeException {
        final String code;

        CommandError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private void command(WebSocket ws, Conn c, JsonNode message) {
        JsonNode idNode = message == null ? null : message.get("id");
        long id = idNode != null && idNode.canConvertToLong() && idNode.isIntegralNumber() ? idNode.asLong() : 0;
        JsonNode typeNode = message == null ? null : message.get("type");
        if (message == null || !message.isObject() || id <= 0 || typeNode == null || !typeNode.isTextual()) {
            send(ws, error(id, "invalid_format", "Message incorrectly formatted."));
            return;
        }
        synchronized (c) {
            if (id <= c.lastId) {
                send(ws, error(id, "id_reuse", "Identifier values have to increase."));
                return;
            }
            c.lastId = id;
        }
        String type = typeNode.asText();
        if (ignored.contains(type)) {
            return; // a test hook: this command never gets an answer
        }
        List<ObjectNode> replies = new ArrayList<>();
        try {
            if ((ADMIN_ONLY.contains(type) || SimulatorHelpers.writes(type) || type.equals("lovelace/config/delete"))
                    && !admin) {
                throw new CommandError("unauthorized", "Unauthorized");
            }
            synchronized (sim.lock) {
                dispatch(c, id, type, (ObjectNode) message, replies);
            }
        } catch (CommandError e) {
            replies.add(error(id, e.code, e.getMessage()));
        }
        Duration delay = delays.get(type);
        if (delay == null) {
            replies.forEach(r -> send(ws, r));
        } else {
            scheduler.schedule(() -> replies.forEach(r -> send(ws, r)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void dispatch(Conn c, long id, String type, ObjectNode msg, List<ObjectNode> replies) {
        switch (type) {
            case "ping" ->
                replies.add(sim.mapper.createObjectNode().put("id", id).put("type", "pong"));
            case "supported_features", "unsubscribe_events", "subscribe_events" ->
                replies.add(result(id, subscriptionCommand(c, id, type, msg)));
            case "get_states" -> {
                ArrayNode all = sim.mapper.createArrayNode();
                sim.states.all().forEach(s -> all.add(sim.states.toJson(s)));
                replies.add(result(id, all));
            }
            case "get_config" -> replies.add(result(id, DemoHome.config(sim.mapper)));
            case "get_services" -> replies.add(result(id, services()));
            case "call_service" -> replies.add(result(id, callService(msg)));
            case "config/area_registry/list" -> replies.add(result(id, areas()));
            case "config/device_registry/list" -> replies.add(result(id, devices()));
            case "config/entity_registry/list" -> replies.add(result(id, entityRegistry()));
            case "input_boolean/list" -> {
                ArrayNode items = sim.mapper.createArrayNode();
                inputBooleans.values().forEach(i -> items.add(i.deepCopy()));
                replies.add(result(id, items));
            }
            case "input_boolean/create" -> replies.add(result(id, createInputBoolean(msg)));
            case "input_boolean/delete" -> {
                String key = requiredText(msg, "input_boolean_id");
                if (!deleteInputBoolean(key)) {
                    // HA's collection sends not_found and then, lacking a return, a success result too.
                    replies.add(error(id, "not_found", "Unable to find input_boolean_id " + key));
                }
                replies.add(result(id, null));
            }
            case "lovelace/dashboards/list" ->
                replies.add(result(id, sim.mapper.createArrayNode().add(DemoHome.dashboard(sim.mapper))));
            case "lovelace/config" -> {
                String urlPath = dashboard(msg);
                JsonNode config = dashboardConfigs.get(urlPath);
                if (config == null) {
                    throw new CommandError("config_not_found", "No config found.");
                }
                replies.add(result(id, config.deepCopy()));
            }
            case "lovelace/config/save" -> {
                String urlPath = dashboard(msg);
                JsonNode config = msg.get("config");
                if (config == null || !(config.isObject() || config.isTextual())) {
                    throw new CommandError(
                            "invalid_format",
                            config == null
                                    ? "required key not provided @ data['config']"
                                    : "expected dict for dictionary value @ data['config']");
                }
                dashboardConfigs.put(urlPath, config.deepCopy());
                replies.add(result(id, null));
            }
            case "lovelace/config/delete" -> {
                dashboardConfigs.remove(dashboard(msg));
                replies.add(result(id, null));
            }
            default -> {
                if (!SimulatorHelpers.handles(type)) {
                    throw new CommandError("unknown_command", "Unknown command.");
                }
                replies.add(result(id, sim.helpers.handle(type, msg)));
            }
        }
    }

    private JsonNode subscriptionCommand(Conn c, long id, String type, ObjectNode msg) {
        if (type.equals("subscribe_events")) {
            JsonNode eventType = msg.get("event_type");
            if (eventType != null && !eventType.isTextual()) {
                throw new CommandError("invalid_format", "expected str for dictionary value @ data['event_type']");
            }
            c.subscriptions.put(id, eventType == null ? "*" : eventType.asText());
        } else if (type.equals("unsubscribe_events")) {
            JsonNode subscription = msg.get("subscription");
            if (subscription == null || !subscription.isIntegralNumber()) {
                throw new CommandError("invalid_format", "required key not provided @ data['subscription']");
            }
            if (c.subscriptions.remove(subscription.asLong()) == null) {
                throw new CommandError("not_found", "Subscription not found.");
            }
        }
        return null;
    }

    private JsonNode callService(ObjectNode msg) {
        String domain = requiredText(msg, "domain");
        String service = requiredText(msg, "service");
        JsonNode serviceData = msg.get("service_data");
        if (serviceData != null && !serviceData.isObject()) {
            throw new CommandError("invalid_format", "expected dict for dictionary value @ data['service_data']");
        }
        JsonNode target = msg.get("target");
        if (target != null && !target.isObject()) {
            throw new CommandError("invalid_format", "expected dict for dictionary value @ data['target']");
        }
        if (!HomeAssistantSimulator.knownService(domain, service)) {
            throw new CommandError("not_found", "Service " + domain + "." + service + " not found.");
        }
        if (msg.path("return_response").asBoolean(false)) {
            throw new CommandError(
                    "service_validation_error",
                    "Validation error: An action which does not return responses can't be called with"
                            + " return_response=True");
        }
        ObjectNode data = serviceData == null ? sim.mapper.createObjectNode() : ((ObjectNode) serviceData).deepCopy();
        if (target != null && target.has("entity_id")) {
            data.set("entity_id", target.get("entity_id"));
        }
        Context context = StateMachine.newContext(sim.userId);
        try {
            sim.applyService(domain, service, data, context);
        } catch (HomeAssistantSimulator.BadRequest e) {
            throw new CommandError("invalid_format", "Entity IDs cannot be None @ data['entity_id']");
        }
        ObjectNode result = sim.mapper.createObjectNode();
        result.set("context", context(context));
        return result;
    }

    private ObjectNode createInputBoolean(ObjectNode msg) {
        JsonNode name = msg.get("name");
        if (name == null) {
            throw new CommandError("invalid_format", "required key not provided @ data['name']");
        }
        if (!name.isTextual() || name.asText().isEmpty()) {
            throw new CommandError(
                    "invalid_format", "length of value must be at least 1 for dictionary value @ data['name']");
        }
        JsonNode initial = msg.get("initial");
        if (initial != null && !initial.isBoolean()) {
            throw new CommandError("invalid_format", "expected bool for dictionary value @ data['initial']");
        }
        JsonNode icon = msg.get("icon");
        if (icon != null && !icon.isTextual()) {
            throw new CommandError("invalid_format", "expected str for dictionary value @ data['icon']");
        }
        String base = HomeAssistantSimulator.slugify(name.asText());
        String key = base;
        for (int n = 2; inputBooleans.containsKey(key); n++) {
            key = base + "_" + n; // a caller-supplied id is ignored, as in HA
        }
        ObjectNode item = sim.mapper.createObjectNode().put("id", key).put("name", name.asText());
        if (initial != null) {
            item.put("initial", initial.asBoolean());
        }
        if (icon != null) {
            item.put("icon", icon.asText());
        }
        inputBooleans.put(key, item);
        ObjectNode attributes = sim.mapper.createObjectNode().put("editable", true);
        if (icon != null) {
            attributes.put("icon", icon.asText());
        }
        attributes.put("friendly_name", name.asText());
        sim.states.set(
                entityOf(key),
                initial != null && initial.asBoolean() ? "on" : "off",
                attributes,
                StateMachine.newContext(sim.userId));
        return item.deepCopy();
    }

    private boolean deleteInputBoolean(String key) {
        if (inputBooleans.remove(key) == null) {
            return false;
        }
        sim.states.remove(entityOf(key));
        return true;
    }

    /** Under the simulator's lock. */
    Optional<JsonNode> inputBoolean(String id) {
        return Optional.ofNullable(inputBooleans.get(id)).map(JsonNode::deepCopy);
    }

    /** Under the simulator's lock; urlPath null is the default dashboard. */
    Optional<JsonNode> dashboardConfig(String urlPath) {
        return Optional.ofNullable(dashboardConfigs.get(urlPath == null ? DEFAULT_DASHBOARD : urlPath))
                .map(JsonNode::deepCopy);
    }

    private static String entityOf(String inputBooleanId) {
        return "input_boolean." + inputBooleanId;
    }

    /** The url_path a lovelace command names ("" for the default dashboard), or config_not_found. */
    private String dashboard(ObjectNode msg) {
        JsonNode urlPath = msg.get("url_path");
        if (urlPath == null || urlPath.isNull()) {
            return DEFAULT_DASHBOARD;
        }
        if (!urlPath.isTextual()) {
            throw new CommandError("invalid_format", "expected str for dictionary value @ data['url_path']");
        }
        if (!urlPath.asText()
                .equals(DemoHome.dashboard(sim.mapper).get("url_path").asText())) {
            throw new CommandError("config_not_found", "Unknown config specified: " + urlPath.asText());
        }
        return urlPath.asText();
    }

    // --- registries -------------------------------------------------------------------------------

    private static final String CREATED = "2026-01-01T09:00:00.000000+00:00";

    private ArrayNode areas() {
        ArrayNode list = sim.mapper.createArrayNode();
        for (String[] a : DemoHome.AREAS) {
            ObjectNode area = list.addObject();
            area.putArray("aliases");
            area.put("area_id", a[0]);
            area.putNull("floor_id");
            area.putNull("humidity_entity_id");
            area.put("icon", a[2]);
            area.putArray("labels");
            area.putNull("motion_entity_id");
            area.put("name", a[1]);
            area.putNull("picture");
            area.putNull("temperature_entity_id");
            area.put("created_at", CREATED);
            area.put("modified_at", CREATED);
        }
        return list;
    }

    private ArrayNode devices() {
        ArrayNode list = sim.mapper.createArrayNode();
        for (String[] d : DemoHome.DEVICES) {
            String configEntry = "01JCONFIGENTRY" + d[5].toUpperCase(Locale.ROOT);
            ObjectNode device = list.addObject();
            device.put("area_id", d[4]);
            device.putNull("configuration_url");
            device.putArray("config_entries").add(configEntry);
            device.putObject("config_entries_subentries").putArray(configEntry).addNull();
            device.put("config_entry_id", configEntry);
            device.putNull("config_subentry_id");
            device.putArray("connections");
            device.put("created_at", CREATED);
            device.putNull("disabled_by");
            device.putNull("entry_type");
            device.putNull("hw_version");
            device.put("id", d[0]);
            device.putArray("identifiers").addArray().add(d[5]).add(d[0].substring(0, 16));
            device.putArray("labels");
            device.put("manufacturer", d[2]);
            device.put("model", d[3]);
            device.putNull("model_id");
            device.put("modified_at", CREATED);
            device.putNull("name_by_user");
            device.put("name", d[1]);
            device.put("primary_config_entry", configEntry);
            device.putNull("serial_number");
            device.putNull("sw_version");
            device.putNull("via_device_id");
        }
        return list;
    }

    private ArrayNode entityRegistry() {
        ArrayNode list = sim.mapper.createArrayNode();
        for (DemoHome.RegistryEntry e : DemoHome.ENTITIES) {
            entity(list, e.entityId(), e.platform(), e.deviceId(), e.areaId(), e.originalName(), e.entityId());
        }
        inputBooleans.forEach((key, item) -> entity(
                list,
                entityOf(key),
                "input_boolean",
                null,
                null,
                item.get("name").asText(),
                key));
        sim.automationEntities.forEach((configId, entityId) -> entity(
                list,
                entityId,
                "automation",
                null,
                null,
                sim.states
                        .get(entityId)
                        .map(s -> s.attributes().path("friendly_name").asText(configId))
                        .orElse(configId),
                configId));
        return list;
    }

    private void entity(
            ArrayNode list,
            String entityId,
            String platform,
            String deviceId,
            String areaId,
            String originalName,
            String uniqueId) {
        ObjectNode e = list.addObject();
        e.put("area_id", areaId);
        e.putObject("categories");
        e.putNull("config_entry_id");
        e.putNull("config_subentry_id");
        e.put("created_at", CREATED);
        e.put("device_id", deviceId);
        e.putNull("disabled_by");
        e.putNull("entity_category");
        e.put("entity_id", entityId);
        e.put("has_entity_name", deviceId != null);
        e.putNull("hidden_by");
        e.putNull("icon");
        e.put("id", Integer.toHexString(entityId.hashCode()) + Integer.toHexString(uniqueId.hashCode()));
        e.putArray("labels");
        e.put("modified_at", CREATED);
        e.putNull("name");
        e.putObject("options");
        e.put("original_name", originalName);
        e.put("platform", platform);
        e.putNull("translation_key");
        e.put("unique_id", uniqueId);
    }

    private ObjectNode services() {
        ObjectNode all = sim.mapper.createObjectNode();
        HomeAssistantSimulator.services().forEach((domain, names) -> {
            ObjectNode d = all.putObject(domain);
            names.stream().sorted().forEach(service -> {
                ObjectNode s = d.putObject(service);
                s.put("name", service.replace('_', ' '));
                s.put("description", "");
                s.putObject("fields");
                if (!service.equals("reload")) {
                    s.putObject("target")
                            .putArray("entity")
                            .addObject()
                            .putArray("domain")
                            .add(domain);
                }
            });
        });
        return all;
    }

    // --- messages ---------------------------------------------------------------------------------

    private ObjectNode context(Context context) {
        ObjectNode json = sim.mapper.createObjectNode();
        json.put("id", context.id());
        json.put("parent_id", context.parentId());
        json.put("user_id", context.userId());
        return json;
    }

    private static String requiredText(ObjectNode msg, String key) {
        JsonNode value = msg.get(key);
        if (value == null) {
            throw new CommandError("invalid_format", "required key not provided @ data['" + key + "']");
        }
        if (!value.isTextual()) {
            throw new CommandError("invalid_format", "expected str for dictionary value @ data['" + key + "']");
        }
        return value.asText();
    }

    private ObjectNode result(long id, JsonNode result) {
        ObjectNode reply = sim.mapper
                .createObjectNode()
                .put("id", id)
                .put("type", "result")
                .put("success", true);
        reply.set("result", result == null ? sim.mapper.nullNode() : result);
        return reply;
    }

    private ObjectNode error(long id, String code, String text) {
        ObjectNode reply = sim.mapper
                .createObjectNode()
                .put("id", id)
                .put("type", "result")
                .put("success", false);
        reply.putObject("error").put("code", code).put("message", text);
        return reply;
    }

    private void send(WebSocket ws, JsonNode message) {
        if (!ws.isOpen()) {
            return;
        }
        try {
            ws.send(sim.mapper.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (WebsocketNotConnectedException e) {
            log.debug("Simulator WebSocket client went away");
        }
    }
}
