package io.aether.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aether.simulator.StateMachine.Context;
import io.aether.simulator.StateMachine.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HTTP server that answers like Home Assistant's REST API for the endpoints Aether uses:
 * status, config, states, the automation config editor and entity services. Status codes, bodies
 * and quirks follow HA's code (per the shared home-assistant-api.md notes), e.g. GET of an absent
 * automation is 404 but DELETE of one is 400, and errors outside {"message":...} are plain text.
 * Thread-safe: handlers run on a small pool and all state sits behind one lock (HA's mutation_lock).
 * The WebSocket API ({@link SimulatorWebSocket}) shares that state on a second port ({@link #wsUrl()}).
 */
public final class HomeAssistantSimulator {

    private static final Logger log = LoggerFactory.getLogger(HomeAssistantSimulator.class);

    static {
        // The JDK's HttpServer writes a response's headers and its body as separate TCP segments,
        // and with Nagle's algorithm on the body waits for the client's delayed ACK of the headers:
        // about 40 ms on most answers, which real Home Assistant (aiohttp, TCP_NODELAY) does not
        // add. Measured against the simulator: the process manager's deploy step (intent to outcome)
        // took 57 ms at the median before, 15 ms after. The JDK reads the setting
        // when the JVM creates its first HttpServer, so it is set here, before ours.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** {@code core.valid_entity_id}. */
    private static final Pattern ENTITY_ID = Pattern.compile("(?!.+__)(?!_)[\\da-z_]+(?<!_)\\.(?!_)[\\da-z_]+(?<!_)");

    private static final Map<String, Set<String>> SERVICES = Map.of(
            "automation", Set.of("turn_on", "turn_off", "toggle", "trigger", "reload"),
            "light", Set.of("turn_on", "turn_off", "toggle"),
            "switch", Set.of("turn_on", "turn_off", "toggle"),
            "input_boolean", Set.of("turn_on", "turn_off", "toggle", "reload"));
    /** The order HA's config view writes an automation in: id first, then these, then the rest. */
    private static final List<String> WRITE_ORDER =
            List.of("alias", "description", "triggers", "trigger", "conditions", "condition", "actions", "action");

    private final String token;
    final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // like json.loads: "{} x" is invalid
    /** The "user" that owns the token; HA stamps it on contexts of REST writes. */
    final String userId = UUID.randomUUID().toString().replace("-", "");

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatorWebSocket webSocket;

    final Object lock = new Object();
    final StateMachine states = new StateMachine(mapper);
    /** automations.yaml: config id -> stored config, in file order. */
    private final Map<String, ObjectNode> automations = new LinkedHashMap<>();
    /** Entity registry for automations: config id -> entity_id, fixed once created. */
    final Map<String, String> automationEntities = new HashMap<>();
    /** Scripts and scenes (config editor API). */
    final SimulatorConfigStore configs = new SimulatorConfigStore(mapper, states);
    /** Storage helpers other than input_boolean (WebSocket collections). */
    final SimulatorHelpers helpers = new SimulatorHelpers(mapper, states, userId);

    private final ConcurrentLinkedQueue<String[]> requests = new ConcurrentLinkedQueue<>();
    private final SimulatorNotifications notifications = new SimulatorNotifications(mapper);
    /** The error log, the config check and the integrations' config entries. */
    private final SimulatorDiagnostics diagnostics = new SimulatorDiagnostics(mapper);

    private volatile boolean available = true;
    /** The demo home's recorder; its planted events are placed relative to the last reset. */
    private DemoHistory history;

    private HomeAssistantSimulator(InetSocketAddress address, int webSocketPort, String token) throws IOException {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        this.token = token;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ha-simulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        this.webSocket =
                new SimulatorWebSocket(this, token, address.getAddress().getHostAddress(), webSocketPort);
        reset();
        server.start();
        try {
            webSocket.start();
        } catch (RuntimeException e) {
            server.stop(0);
            executor.shutdownNow();
            throw e;
        }
    }

    /** Starts on the loopback interface; port 0 picks a free port. */
    public static HomeAssistantSimulator start(int port, String token) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), token);
    }

    public static HomeAssistantSimulator start(InetSocketAddress address, String token) {
        return start(address, 0, token);
    }

    /**
     * REST on {@code address}; the WebSocket API on the same host at {@code webSocketPort} (0 picks
     * a free port): the JDK's HttpServer cannot upgrade a connection, so unlike HA it is a second port.
     */
    public static HomeAssistantSimulator start(InetSocketAddress address, int webSocketPort, String token) {
        try {
            return new HomeAssistantSimulator(address, webSocketPort, token);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Home Assistant simulator on " + address, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** {@code ws://host:port/api/websocket}; the port differs from {@link #port()} (see {@link #start}). */
    public String wsUrl() {
        String http = baseUrl();
        String hostPart = http.substring("http://".length(), http.lastIndexOf(':'));
        return "ws://" + hostPart + ":" + webSocket.port() + SimulatorWebSocket.PATH;
    }

    public void stop() {
        webSocket.shutdown();
        server.stop(0);
        executor.shutdownNow();
    }

    // --- WebSocket test hooks -------------------------------------------------------------------

    /** Drops every WebSocket connection and listens again on the same port, as a restarting HA does. */
    public void restartWebSocket() {
        webSocket.stop();
        webSocket.start();
    }

    /** Drops every WebSocket connection and stops listening (new connections are refused) until started. */
    public void stopWebSocket() {
        webSocket.stop();
    }

    /** Listens again on the same port after {@link #stopWebSocket()}; a no-op while listening. */
    public void startWebSocket() {
        webSocket.start();
    }

    /** Open WebSocket connections (authenticated or not). */
    public int webSocketConnections() {
        return webSocket.connections();
    }

    /** Replies to WebSocket commands of this type go out after the delay, so later ones overtake them. */
    public void delayWebSocketReplies(String type, Duration delay) {
        webSocket.delay(type, delay);
    }

    /** true: commands of this type are accepted and never answered. */
    public void ignoreWebSocketCommand(String type, boolean ignore) {
        webSocket.ignore(type, ignore);
    }

    /** false: the token acts as a non-admin user, so admin-only commands answer {@code unauthorized}. */
    public void setWebSocketAdmin(boolean admin) {
        webSocket.admin(admin);
    }

    /** false makes every API view answer 503 with an empty body, as HA does while stopping. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    public Optional<JsonNode> automationConfig(String id) {
        synchronized (lock) {
            return Optional.ofNullable(automations.get(id)).map(JsonNode::deepCopy);
        }
    }

    public Optional<JsonNode> state(String entityId) {
        synchronized (lock) {
            return states.get(entityId).map(states::toJson);
        }
    }

    /** A script's or scene's stored config ({@code domain} script or scene). */
    public Optional<JsonNode> sceneOrScriptConfig(String domain, String id) {
        synchronized (lock) {
            return configs.config(domain, id);
        }
    }

    /** A stored helper of any storage domain (input_boolean included), by its id. */
    public Optional<JsonNode> helper(String domain, String id) {
        synchronized (lock) {
            return domain.equals("input_boolean") ? webSocket.inputBoolean(id) : helpers.item(domain, id);
        }
    }

    /** A dashboard's saved Lovelace config (urlPath null: the default dashboard); empty when never saved. */
    public Optional<JsonNode> dashboardConfig(String urlPath) {
        synchronized (lock) {
            return webSocket.dashboardConfig(urlPath);
        }
    }

    public Optional<String> automationEntityId(String configId) {
        synchronized (lock) {
            return Optional.ofNullable(automationEntities.get(configId));
        }
    }

    /**
     * Seeds an automation as if the user had made it in HA: stored without the API's validation,
     * entity included. An invalid one becomes an "unavailable" entity, as HA does on load.
     */
    public void putAutomationConfig(String id, JsonNode config) {
        synchronized (lock) {
            saveAutomation(id, config);
        }
    }

    /**
     * Adds temperature sensors {@code sensor.synthetic_00001}... until the home has {@code count}
     * of them, each with {@value DemoHistory#DAYS} days of recorded history (a daily cycle with
     * noise, one row per 10 minutes), for benchmarks of a large home. No events are fired. Returns
     * their entity ids.
     */
    public List<String> addSyntheticSensors(int count) {
        List<String> ids = new ArrayList<>();
        synchronized (lock) {
            states.listener(null); // a bulk seed, as at start: no state_changed flood
            for (int i = 1; i <= count; i++) {
                String entityId = DemoHistory.syntheticSensor(i);
                ids.add(entityId);
                if (states.get(entityId).isEmpty()) {
                    ObjectNode attributes = mapper.createObjectNode()
                            .put("friendly_name", "Synthetic temperature " + i)
                            .put("device_class", "temperature")
                            .put("state_class", "measurement")
                            .put("unit_of_measurement", "°C");
                    states.set(entityId, "20.0", attributes, StateMachine.newContext(null));
                }
            }
            states.listener(webSocket::stateChanged);
        }
        return ids;
    }

    /** Back to a fresh demo home: no automations, demo entities re-seeded, counters cleared, available. */
    public void reset() {
        synchronized (lock) {
            automations.clear();
            automationEntities.clear();
            states.listener(null); // re-seeding fires no events
            states.clear();
            DemoHome.seed(states, mapper);
            configs.reset();
            helpers.reset();
            history = new DemoHistory(Instant.now());
            webSocket.reset();
            states.listener(webSocket::stateChanged);
            requests.clear();
            notifications.clear();
            diagnostics.reset();
            available = true;
        }
    }

    /** Replaces what {@code GET /api/error_log} answers (until the next reset; null: the demo home's log). */
    public void setErrorLog(String log) {
        synchronized (lock) {
            diagnostics.log(log);
        }
    }

    /** errors null: check_config answers valid; else invalid with these texts (until the next reset). */
    public void setConfigCheck(String errors, String warnings) {
        synchronized (lock) {
            diagnostics.configCheck(errors, warnings);
        }
    }

    /** Sets an integration's config entry state (setup_retry, setup_error ...) and reason; adds it if new. */
    public void setConfigEntryState(String domain, String state, String reason) {
        synchronized (lock) {
            diagnostics.entryState(domain, state, reason);
        }
    }

    /** The notify service calls received (since the last reset), oldest first. */
    public List<SimulatorNotifications.Sent> notifications() {
        return notifications.all();
    }

    /** Requests received (any outcome) with this method whose decoded path starts with the prefix. */
    public int requestCount(String method, String pathPrefix) {
        return (int) requests.stream()
                .filter(r -> r[0].equalsIgnoreCase(method) && r[1].startsWith(pathPrefix))
                .count();
    }

    // --- HTTP plumbing ----------------------------------------------------------------------

    private record Request(String method, String query, String authorization, byte[] body) {}

    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        Reply with(String header, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(header, value);
            return new Reply(status, contentType, body, h);
        }
    }

    /** A service call's data failed HA's schema; aiohttp turns that into a plain 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest() {
            super(null, null, false, false);
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            requests.add(new String[] {method, exchange.getRequestURI().getPath()});
            Request request = new Request(
                    method,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestBody().readAllBytes());
            Reply reply;
            try {
                reply = route(exchange.getRequestURI().getRawPath(), request);
            } catch (RuntimeException e) {
                log.warn(
                        "Simulator failed on {} {}",
                        method,
                        exchange.getRequestURI().getPath(),
                        e);
                reply = plain(500, "500: Internal Server Error");
            }
            reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (reply.contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType);
            }
            boolean noBody = reply.body.length == 0 || "HEAD".equals(method);
            exchange.sendResponseHeaders(reply.status, noBody ? -1 : reply.body.length);
            if (!noBody) {
                exchange.getResponseBody().write(reply.body);
            }
        } catch (IOException e) {
            log.debug("Simulator could not answer: {}", e.toString()); // client went away
        } finally {
            exchange.close();
        }
    }

    /** aiohttp's order: match the path (404), then the method (405); then HA's view checks. */
    private Reply route(String path, Request req) {
        List<String> p;
        if (path.equals("/api/")) {
            return view(req, Set.of("GET"), () -> json(200, message("API running.")));
        }
        if (path.equals("/api/config")) {
            return view(req, Set.of("GET"), () -> json(200, DemoHome.config(mapper)));
        }
        if (path.equals("/api/states")) {
            return view(req, Set.of("GET"), this::allStates);
        }
        if (path.equals("/api/history/period")) {
            return view(req, Set.of("GET"), () -> historyView(req.query, null));
        }
        if ((p = params(path, "/api/history/period/", 1)) != null) {
            String start = p.get(0);
            return view(req, Set.of("GET"), () -> historyView(req.query, start));
        }
        if ((p = params(path, "/api/states/", 1)) != null) {
            String entityId = p.get(0).toLowerCase(Locale.ROOT);
            return view(req, Set.of("GET", "POST", "DELETE"), () -> stateView(req, entityId));
        }
        if ((p = params(path, "/api/config/automation/config/", 1)) != null) {
            String key = p.get(0);
            return view(req, Set.of("GET", "POST", "DELETE"), () -> automationView(req, key));
        }
        if (path.equals("/api/services")) {
            return view(req, Set.of("GET"), this::allServices);
        }
        if (path.equals("/api/error_log")) {
            return view(req, Set.of("GET"), () -> plain(200, diagnostics.log()));
        }
        if (path.equals("/api/config/core/check_config")) {
            return view(req, Set.of("POST"), () -> json(200, diagnostics.checkConfig()));
        }
        if (path.equals("/api/config/config_entries/entry")) {
            return view(req, Set.of("GET"), () -> json(200, diagnostics.configEntries()));
        }
        if ((p = params(path, "/api/config/script/config/", 1)) != null
                || (p = params(path, "/api/config/scene/config/", 1)) != null) {
            String domain = path.startsWith("/api/config/script/") ? "script" : "scene";
            String key = p.get(0);
            return view(req, Set.of("GET", "POST", "DELETE"), () -> {
                JsonNode body = req.method.equals("POST") ? parse(req.body) : null;
                SimulatorConfigStore.Answer answer = configs.view(domain, req.method, key, body, body != null);
                return json(answer.status(), answer.body());
            });
        }
        if ((p = params(path, "/api/services/", 2)) != null) {
            List<String> service = p;
            return view(req, Set.of("POST"), () -> callService(req, service.get(0), service.get(1)));
        }
        return plain(404, "404: Not Found");
    }

    private Reply view(Request req, Set<String> methods, Supplier<Reply> handler) {
        if (!methods.contains(req.method)) {
            return plain(405, "405: Method Not Allowed").with("Allow", String.join(",", new TreeSet<>(methods)));
        }
        if (!available) {
            return new Reply(503, null, new byte[0], Map.of());
        }
        if (!authorized(req.authorization)) {
            return plain(401, "401: Unauthorized");
        }
        synchronized (lock) {
            return handler.get();
        }
    }

    private boolean authorized(String header) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected);
    }

    /** Decoded path segments after prefix, or null unless there are exactly n non-empty ones. */
    private static List<String> params(String rawPath, String prefix, int n) {
        if (!rawPath.startsWith(prefix)) {
            return null;
        }
        String[] parts = rawPath.substring(prefix.length()).split("/", -1);
        if (parts.length != n) {
            return null;
        }
        List<String> decoded = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                return null;
            }
            // URLDecoder is for forms; in a path "+" is a literal plus.
            decoded.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return decoded;
    }

    // --- views --------------------------------------------------------------------------------

    private Reply allStates() {
        ArrayNode array = mapper.createArrayNode();
        states.all().forEach(s -> array.add(states.toJson(s)));
        return json(200, array);
    }

    /** GET /api/services: a list of {domain, services: {name: description}}, notify included. */
    private Reply allServices() {
        ArrayNode array = mapper.createArrayNode();
        new TreeSet<>(SERVICES.keySet()).forEach(domain -> {
            ObjectNode entry = array.addObject().put("domain", domain);
            ObjectNode services = entry.putObject("services");
            new TreeSet<>(SERVICES.get(domain))
                    .forEach(name -> services.putObject(name)
                            .put("name", name)
                            .put("description", "")
                            .putObject("fields"));
        });
        array.add(notifications.describe());
        return json(200, array);
    }

    /** GET /api/history/period[/start]: one list per entity (filter order), entities without rows omitted. */
    private Reply historyView(String query, String startText) {
        Map<String, String> q = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                q.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String filter = q.get("filter_entity_id");
        if (filter == null || filter.isBlank()) {
            return json(400, message("filter_entity_id is missing"));
        }
        List<String> ids = new ArrayList<>();
        for (String id : filter.split(",")) {
            String entityId = id.strip().toLowerCase(Locale.ROOT);
            if (!ENTITY_ID.matcher(entityId).matches()) {
                return json(400, message("Invalid filter_entity_id"));
            }
            ids.add(entityId);
        }
        Instant now = Instant.now();
        Instant start;
        Instant end;
        try {
            start = startText == null ? now.minus(Duration.ofDays(1)) : parseTime(startText);
        } catch (DateTimeParseException e) {
            return json(400, message("Invalid datetime"));
        }
        try {
            end = q.containsKey("end_time") ? parseTime(q.get("end_time")) : start.plus(Duration.ofDays(1));
        } catch (DateTimeParseException e) {
            return json(400, message("Invalid end_time"));
        }
        ArrayNode result = mapper.createArrayNode();
        if (start.isAfter(now)) {
            return json(200, result);
        }
        boolean noAttributes = q.containsKey("no_attributes");
        for (String entityId : ids) {
            Optional<State> current = states.get(entityId);
            if (current.isEmpty()) {
                continue;
            }
            JsonNode attributes =
                    noAttributes ? mapper.createObjectNode() : current.get().attributes();
            ArrayNode rows;
            if (DemoHistory.covers(entityId)) {
                rows = history.rows(mapper, entityId, attributes, start, end);
            } else {
                rows = mapper.createArrayNode();
                ObjectNode row = states.toJson(current.get());
                row.remove("context");
                if (noAttributes) {
                    row.set("attributes", mapper.createObjectNode());
                }
                rows.add(row);
            }
            if (!rows.isEmpty()) {
                result.add(rows);
            }
        }
        return json(200, result);
    }

    /** HA's {@code dt_util.parse_datetime}: ISO 8601 with an offset (a naive time counts as UTC). */
    private static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private Reply stateView(Request req, String entityId) {
        switch (req.method) {
            case "GET":
                return states.get(entityId)
                        .map(s -> json(200, states.toJson(s)))
                        .orElseGet(() -> json(404, message("Entity not found.")));
            case "DELETE":
                return states.remove(entityId)
                        ? json(200, message("Entity removed."))
                        : json(404, message("Entity not found."));
            default:
                return setState(req, entityId);
        }
    }

    /** POST /api/states/&lt;entity_id&gt;: lets demos and tests change sensors the way integrations would. */
    private Reply setState(Request req, String entityId) {
        JsonNode data = parse(req.body);
        if (data == null) {
            return json(400, message("Invalid JSON specified."));
        }
        if (!data.isObject()) {
            return json(400, message("State data should be a JSON object"));
        }
        JsonNode state = data.get("state");
        if (state == null || state.isNull()) {
            return json(400, message("No state attribute specified."));
        }
        if (!ENTITY_ID.matcher(entityId).matches()) {
            return json(400, message("Invalid entity ID specified."));
        }
        String value = state.isValueNode() ? state.asText() : state.toString();
        if (value.length() > 255) {
            return json(400, message("Invalid state specified."));
        }
        boolean created = !states.contains(entityId);
        JsonNode attributes = data.get("attributes");
        states.set(
                entityId,
                value,
                attributes instanceof ObjectNode ? (ObjectNode) attributes : null,
                StateMachine.newContext(userId));
        return json(created ? 201 : 200, states.toJson(states.get(entityId).orElseThrow()))
                .with("Location", "/api/states/" + entityId);
    }

    private Reply automationView(Request req, String key) {
        switch (req.method) {
            case "GET":
                ObjectNode config = automations.get(key);
                return config == null ? json(404, message("Resource not found")) : json(200, config);
            case "DELETE":
                // HA answers 400, not 404, for an absent key here.
                if (automations.remove(key) == null) {
                    return json(400, message("Resource not found"));
                }
                String entityId =
                        automationEntities.remove(key); // async_delete_automation drops the registry entry too
                if (entityId != null) {
                    states.remove(entityId);
                }
                return json(200, mapper.createObjectNode().put("result", "ok"));
            default:
                JsonNode body = parse(req.body);
                if (body == null) {
                    return json(400, message("Invalid JSON specified"));
                }
                Optional<String> error = AutomationConfigValidator.validate(body);
                if (error.isPresent()) {
                    return json(400, message("Message malformed: " + error.get()));
                }
                saveAutomation(key, body);
                return json(200, mapper.createObjectNode().put("result", "ok"));
        }
    }

    /** Writes the body verbatim (not the validated form), then runs the reload hook at once. */
    private void saveAutomation(String key, JsonNode body) {
        ObjectNode stored = mapper.createObjectNode();
        stored.put("id", key);
        if (body.isObject()) {
            WRITE_ORDER.stream()
                    .filter(body::has)
                    .forEach(k -> stored.set(k, body.get(k).deepCopy()));
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                // HA would let a body "id" overwrite the key; keeping the key keeps GET/DELETE consistent.
                if (!stored.has(field.getKey())) {
                    stored.set(field.getKey(), field.getValue().deepCopy());
                }
            }
        }
        automations.put(key, stored);
        applyAutomationEntity(
                key, stored, AutomationConfigValidator.validate(stored).isEmpty());
    }

    /** What {@code automation.reload {"id": key}} does to the entity. */
    private void applyAutomationEntity(String key, ObjectNode config, boolean valid) {
        JsonNode aliasNode = config.get("alias");
        String name = aliasNode != null && aliasNode.isValueNode() && !aliasNode.isNull() ? aliasNode.asText() : key;
        String entityId = automationEntities.computeIfAbsent(key, k -> newEntityId("automation", slugify(name)));
        Optional<State> previous = states.get(entityId);
        ObjectNode attributes = mapper.createObjectNode();
        attributes.put("id", key);
        if (!valid) {
            attributes.put("friendly_name", name);
            states.set(entityId, "unavailable", attributes, StateMachine.newContext(null));
            return;
        }
        JsonNode lastTriggered =
                previous.map(s -> s.attributes().get("last_triggered")).orElse(null);
        attributes.set("last_triggered", lastTriggered == null ? mapper.nullNode() : lastTriggered);
        String mode = config.path("mode").asText("single");
        attributes.put("mode", mode);
        attributes.put("current", 0);
        if (mode.equals("queued") || mode.equals("parallel")) {
            attributes.put("max", config.path("max").asInt(10));
        }
        attributes.put("friendly_name", name);
        // initial_state wins; otherwise the last state is restored, and a new automation starts on.
        String state = config.has("initial_state")
                ? (Boolean.FALSE.equals(AutomationConfigValidator.parseBoolean(config.get("initial_state")))
                        ? "off"
                        : "on")
                : previous.map(State::state)
                        .filter(s -> s.equals("on") || s.equals("off"))
                        .orElse("on");
        states.set(entityId, state, attributes, StateMachine.newContext(null));
    }

    private Reply callService(Request req, String domain, String service) {
        JsonNode data = null;
        if (req.body.length > 0) {
            data = parse(req.body);
            if (data == null) {
                return json(400, message("Data should be valid JSON."));
            }
        }
        if (domain.equals("notify") && SimulatorNotifications.known(service)) {
            try {
                return json(200, notifications.call(service, data));
            } catch (BadRequest e) {
                return plain(400, "400: Bad Request");
            }
        }
        if (!knownService(domain, service)) {
            return plain(400, "400: Bad Request"); // ServiceNotFound -> HTTPBadRequest
        }
        if (req.query != null && Arrays.stream(req.query.split("&")).anyMatch(q -> q.startsWith("return_response"))) {
            return json(400, message("Service does not support responses. Remove return_response from request."));
        }
        try {
            return json(200, applyService(domain, service, data, StateMachine.newContext(userId)));
        } catch (BadRequest e) {
            return plain(400, "400: Bad Request");
        }
    }

    /** A known service's effect (REST and WebSocket): the states it changed; BadRequest for bad data. */
    ArrayNode applyService(String domain, String service, JsonNode data, Context context) {
        if (data != null && !data.isObject()) {
            throw new BadRequest();
        }
        List<String> targets = targets(domain, data);
        ArrayNode changed = mapper.createArrayNode();
        if (service.equals("reload")) {
            return changed; // nothing to reload: configs apply on save
        }
        // Only states written with this call's context are returned, and only if something changed.
        for (String entityId : targets) {
            State current = states.get(entityId).orElseThrow();
            String next = switch (service) {
                case "turn_on" -> "on";
                case "turn_off" -> "off";
                case "toggle" -> current.state().equals("on") ? "off" : "on";
                default -> current.state();
            };
            ObjectNode attributes = current.attributes().deepCopy();
            if (domain.equals("light")) {
                next = applyBrightness(attributes, next, current, data);
            }
            if (service.equals("trigger")) { // actions are not run; only the bookkeeping HA shows
                attributes.put("last_triggered", StateMachine.iso(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            }
            if (states.set(entityId, next, attributes, context)) {
                changed.add(states.toJson(states.get(entityId).orElseThrow()));
            }
        }
        return changed;
    }

    static Map<String, Set<String>> services() {
        return SERVICES;
    }

    static boolean knownService(String domain, String service) {
        return SERVICES.getOrDefault(domain, Set.of()).contains(service);
    }

    /** Light attributes follow the on/off state; brightness_pct is converted like HA (Python round). */
    private static String applyBrightness(ObjectNode attributes, String next, State current, JsonNode data) {
        Integer brightness = null;
        if (next.equals("on") && data != null) {
            if (data.has("brightness")) {
                brightness = data.get("brightness").asInt();
            } else if (data.has("brightness_pct")) {
                brightness = (int) Math.rint(data.get("brightness_pct").asDouble() * 255 / 100);
            }
        }
        if (brightness != null && brightness <= 0) {
            next = "off"; // HA turns a light off when asked for brightness 0
        }
        if (next.equals("on")) {
            int keep = current.state().equals("on")
                    ? current.attributes().path("brightness").asInt(255)
                    : 255;
            attributes.put("color_mode", "brightness");
            attributes.put("brightness", brightness != null ? Math.min(brightness, 255) : keep);
        } else {
            attributes.putNull("color_mode");
            attributes.putNull("brightness");
        }
        return next;
    }

    /** The service's target entities: {@code entity_id} as a string, comma list, list or "all". */
    private List<String> targets(String domain, JsonNode data) {
        JsonNode ids = data == null ? null : data.get("entity_id");
        List<String> requested = new ArrayList<>();
        if (ids == null || ids.isNull()) {
            return requested;
        }
        if (ids.isTextual()) {
            String text = ids.asText().strip().toLowerCase(Locale.ROOT);
            if (text.equals("all")) {
                states.all().stream()
                        .map(State::entityId)
                        .filter(id -> id.startsWith(domain + "."))
                        .forEach(requested::add);
                return requested;
            }
            if (text.equals("none")) {
                return requested;
            }
            for (String id : text.split(",")) {
                requested.add(id.strip());
            }
        } else if (ids.isArray()) {
            for (JsonNode id : ids) {
                if (!id.isTextual()) {
                    throw new BadRequest();
                }
                requested.add(id.asText().strip().toLowerCase(Locale.ROOT));
            }
        } else {
            throw new BadRequest();
        }
        List<String> targets = new ArrayList<>();
        for (String id : requested) {
            if (!ENTITY_ID.matcher(id).matches()) {
                throw new BadRequest();
            }
            // Other domains' and unknown entities are skipped silently; unavailable ones are not called.
            boolean callable = id.startsWith(domain + ".")
                    && states.get(id)
                            .filter(s -> !s.state().equals("unavailable"))
                            .isPresent();
            if (callable && !targets.contains(id)) {
                targets.add(id);
            }
        }
        return targets;
    }

    /** Entity registry id generation: {@code domain.slug}, then {@code _2}, {@code _3}... while taken. */
    String newEntityId(String domain, String slug) {
        String base = domain + "." + slug;
        String candidate = base;
        for (int n = 2; states.contains(candidate) || automationEntities.containsValue(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }

    /** HA's {@code util.slugify}: ASCII-fold, lowercase, runs of other characters become "_". */
    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }

    // --- replies ------------------------------------------------------------------------------

    /** Parsed JSON, or null for an empty or malformed body. */
    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, "application/json", mapper.writeValueAsBytes(body), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply plain(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
