package io.aether.homeassistant.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.HomeAssistantException.Kind;
import io.aether.homeassistant.HomeAssistantSettings;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for Home Assistant's WebSocket API ({@code /api/websocket}) on the JDK's WebSocket.
 *
 * <ul>
 *   <li>{@link #connect()} opens the socket and authenticates ({@code auth_required -> auth ->
 *       auth_ok}); a refused token is a {@link Kind#UNAUTHORIZED} exception.
 *   <li>Ids strictly increase over the client's life (so also per connection); replies are matched
 *       by id in any order. Every call has the settings' request timeout ({@link Kind#TIMEOUT}); an
 *       error reply is a {@link HomeAssistantCommandException} with HA's code.
 *   <li>A ping every {@link Options#pingInterval()}; a missing pong or a dropped socket fails the
 *       calls in flight ({@link Kind#UNAVAILABLE}) and reconnects with exponential back-off up to
 *       {@link Options#maxBackoff()}, then resubscribes. A refused token on reconnect stops the
 *       retries (HA bans addresses after repeated failed logins); {@link #lastFailure()} says why.
 *   <li>Events reach a {@link EventListener} through a bounded queue per subscription, drained by
 *       its own thread: a full queue drops the event and the listener is told it lagged. The socket
 *       reader never blocks on a listener.
 *   <li>{@link #close()} fails pending calls at once and stops every thread it started.
 * </ul>
 *
 * <p>Futures returned by {@link #send} complete on the socket's reader thread: chain slow work with
 * the {@code *Async} variants. The access token is sent only in the auth message and never appears
 * in an exception message or a log line.
 */
public final class HomeAssistantWebSocketClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HomeAssistantWebSocketClient.class);
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9_]+");

    /**
     * Keep-alive, reconnect back-off and per-subscription queue size. Connect and handshake use the
     * settings' connect timeout; each command its request timeout.
     */
    public record Options(Duration pingInterval, Duration initialBackoff, Duration maxBackoff, int eventQueueCapacity) {
        public static final Options DEFAULTS =
                new Options(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), 1_000);

        public Options {
            Objects.requireNonNull(pingInterval, "pingInterval");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (pingInterval.isNegative()
                    || pingInterval.isZero()
                    || initialBackoff.isNegative()
                    || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("ping interval must be positive and back-off initial <= max");
            }
            if (eventQueueCapacity < 1) {
                throw new IllegalArgumentException("eventQueueCapacity must be at least 1");
            }
        }
    }

    /** Receives a subscription's events on the subscription's own thread, in arrival order. */
    public interface EventListener {
        /** The {@code event} object of HA's event message. */
        void onEvent(JsonNode event);

        /** The queue was full and events were dropped ({@code dropped} so far): resynchronise. */
        default void onLagged(long dropped) {}

        /** The connection was lost and the subscription renewed: events in between are missing. */
        default void onResubscribed() {}
    }

    private final HomeAssistantSettings settings;
    private final URI uri;
    private final ObjectMapper mapper;
    private final Options options;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;

    private final AtomicLong ids = new AtomicLong();
    private final Object sendLock = new Object();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<Long, Subscription> bySubscriptionId = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();

    private volatile Connection current;
    private volatile boolean closed;
    private volatile HomeAssistantException lastFailure;
    private volatile String haVersion;
    /** Failed reconnect attempts since the last success; touched only on the scheduler thread. */
    private int attempt;

    private record Pending(Connection connection, String type, CompletableFuture<JsonNode> future) {}

    /** The URL derived from the settings' base URL ({@link #webSocketUri(String)}). */
    public HomeAssistantWebSocketClient(HomeAssistantSettings settings, ObjectMapper mapper) {
        this(settings, webSocketUri(settings.baseUrl()), mapper, Options.DEFAULTS);
    }

    public HomeAssistantWebSocketClient(
            HomeAssistantSettings settings, URI webSocketUri, ObjectMapper mapper, Options options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.uri = Objects.requireNonNull(webSocketUri, "webSocketUri");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.options = Objects.requireNonNull(options, "options");
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null) {
            throw new HomeAssistantException(Kind.NOT_CONFIGURED, 0, "Home Assistant WebSocket URL must be ws(s)://");
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ha-websocket-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@code http://host:8123[/prefix]} to {@code ws://host:8123[/prefix]/api/websocket}, https to
     * wss. The base URL is the one the settings hold (already checked by HomeAssistantUrlPolicy
     * when it came from a user).
     */
    public static URI webSocketUri(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new HomeAssistantException(
                    Kind.NOT_CONFIGURED, 0, "Home Assistant is not configured (set AETHER_HA_URL and AETHER_HA_TOKEN)");
        }
        URI base;
        try {
            base = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new HomeAssistantException(Kind.NOT_CONFIGURED, 0, "Home Assistant URL is not a valid http(s) URL");
        }
        String scheme = String.valueOf(base.getScheme()).toLowerCase(Locale.ROOT);
        if (base.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new HomeAssistantException(Kind.NOT_CONFIGURED, 0, "Home Assistant URL is not a valid http(s) URL");
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(
                (scheme.equals("https") ? "wss" : "ws") + "://" + base.getRawAuthority() + path + "/api/websocket");
    }

    public URI uri() {
        return uri;
    }

    // --- lifecycle --------------------------------------------------------------------------------

    /** Opens and authenticates the first connection; afterwards the client reconnects by itself. */
    public void connect() {
        ensureOpen();
        if (current != null) {
            return;
        }
        Connection c = open();
        current = c;
        lastFailure = null;
        long ping = options.pingInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    }

    /** True while an authenticated connection is up. */
    public boolean connected() {
        Connection c = current;
        return c != null && !c.dead;
    }

    /** How many connections have authenticated so far (1 after connect, +1 per reconnect). */
    public int connectionCount() {
        return connections.get();
    }

    /** Why the last connect or reconnect failed, or null. */
    public HomeAssistantException lastFailure() {
        return lastFailure;
    }

    /** The version HA reported in auth_ok. */
    public String haVersion() {
        return haVersion;
    }

    /** Closes the socket, fails every pending call at once and stops the subscription threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        Connection c = current;
        current = null;
        if (c != null) {
            c.dead = true;
            try {
                c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("Home Assistant WebSocket close: {}", e.toString());
            } finally {
                c.ws.abort();
            }
        }
        failPending(null, new HomeAssistantException(Kind.UNAVAILABLE, 0, "Home Assistant WebSocket client closed"));
        subscriptions.forEach(Subscription::stop);
        subscriptions.clear();
        bySubscriptionId.clear();
    }

    // --- commands ---------------------------------------------------------------------------------

    /**
     * Sends {@code {"id":N,"type":type,...fields}}. The future completes with the {@code result}
     * (JSON null as NullNode; the whole message for {@code ping}) or fails with a
     * HomeAssistantException, at the latest after the request timeout.
     */
    public CompletableFuture<JsonNode> send(String type, ObjectNode fields) {
        Connection c = current;
        if (closed) {
            return CompletableFuture.failedFuture(
                    new HomeAssistantException(Kind.UNAVAILABLE, 0, "Home Assistant WebSocket client closed"));
        }
        if (c == null || c.dead) {
            HomeAssistantException why = lastFailure;
            return CompletableFuture.failedFuture(new HomeAssistantException(
                    why != null && why.kind() == Kind.UNAUTHORIZED ? Kind.UNAUTHORIZED : Kind.UNAVAILABLE,
                    0,
                    "Not connected to Home Assistant's WebSocket" + (why == null ? "" : ": " + why.getMessage())));
        }
        return send(c, type, fields, id -> {});
    }

    /** {@link #send} and wait: the result, or the HomeAssistantException. */
    public JsonNode call(String type, ObjectNode fields) {
        try {
            return send(type, fields).join();
        } catch (CompletionException e) {
            throw unwrap(e, type);
        }
    }

    public JsonNode call(String type) {
        return call(type, null);
    }

    /** Array of state objects. */
    public JsonNode getStates() {
        return call("get_states");
    }

    /** {@code {domain: {service: {name, description, fields, target?}}}}. */
    public JsonNode getServices() {
        return call("get_services");
    }

    /** The same dict as {@code GET /api/config}. */
    public JsonNode getConfig() {
        return call("get_config");
    }

    public JsonNode areaRegistry() {
        return call("config/area_registry/list");
    }

    public JsonNode deviceRegistry() {
        return call("config/device_registry/list");
    }

    public JsonNode entityRegistry() {
        return call("config/entity_registry/list");
    }

    /** Storage dashboards (the default one is not listed). */
    public JsonNode dashboards() {
        return call("lovelace/dashboards/list");
    }

    /**
     * A dashboard's config; urlPath null for the default one. A dashboard never saved or an unknown
     * url_path is a HomeAssistantCommandException with code {@code config_not_found}.
     */
    public JsonNode lovelaceConfig(String urlPath) {
        ObjectNode fields = mapper.createObjectNode();
        if (urlPath != null) {
            fields.put("url_path", urlPath);
        }
        return call("lovelace/config", fields);
    }

    /** Replaces the whole dashboard config. */
    public void saveLovelaceConfig(String urlPath, JsonNode config) {
        Objects.requireNonNull(config, "config");
        ObjectNode fields = mapper.createObjectNode();
        if (urlPath != null) {
            fields.put("url_path", urlPath);
        }
        fields.set("config", config);
        call("lovelace/config/save", fields);
    }

    /** {@code <domain>/list} of a storage helper such as input_boolean: the stored items. */
    public JsonNode listHelpers(String domain) {
        return call(domain(domain) + "/list");
    }

    /** {@code <domain>/create}: the created item, whose {@code id} HA derives from the name. */
    public JsonNode createHelper(String domain, ObjectNode fields) {
        Objects.requireNonNull(fields, "fields");
        return call(domain(domain) + "/create", fields);
    }

    /** {@code <domain>/delete}; an unknown id is code {@code not_found}. */
    public void deleteHelper(String domain, String helperId) {
        requireText(helperId, "helperId");
        call(domain(domain) + "/delete", mapper.createObjectNode().put(domain + "_id", helperId));
    }

    /**
     * {@code call_service}; serviceData and target may be null. Returns HA's result
     * ({@code {"context":{...}}}).
     */
    public JsonNode callService(String domain, String service, JsonNode serviceData, JsonNode target) {
        ObjectNode fields = mapper.createObjectNode();
        fields.put("domain", domain(domain));
        fields.put("service", domain(service));
        if (serviceData != null) {
            fields.set("service_data", serviceData);
        }
        if (target != null) {
            fields.set("target", target);
        }
        return call("call_service", fields);
    }

    // --- subscriptions ----------------------------------------------------------------------------

    /** {@code subscribe_events} for {@code state_changed}. */
    public Subscription subscribeStateChanged(EventListener listener) {
        return subscribeEvents("state_changed", listener);
    }

    /** {@code subscribe_events}; eventType null means every event. Renewed after each reconnect. */
    public Subscription subscribeEvents(String eventType, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        Connection c = current;
        if (c == null || c.dead || closed) {
            throw new HomeAssistantException(Kind.UNAVAILABLE, 0, "Not connected to Home Assistant's WebSocket");
        }
        Subscription sub = new Subscription(eventType, listener, options.eventQueueCapacity());
        try {
            subscribe(c, sub).join();
        } catch (CompletionException e) {
            sub.stop();
            throw unwrap(e, "subscribe_events");
        }
        subscriptions.add(sub);
        sub.start();
        return sub;
    }

    /** One {@code subscribe_events}: its events go to a bounded queue that its own thread drains. */
    public final class Subscription implements AutoCloseable {
        private final String eventType;
        private final EventListener listener;
        private final ArrayBlockingQueue<JsonNode> queue;
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong received = new AtomicLong();
        private final Thread thread;
        private volatile long id;
        private volatile boolean stopped;
        private final JsonNode resubscribedMarker = mapper.createObjectNode();

        private Subscription(String eventType, EventListener listener, int capacity) {
            this.eventType = eventType;
            this.listener = listener;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this::deliver, "ha-websocket-events-" + (eventType == null ? "all" : eventType));
            thread.setDaemon(true);
        }

        /** Events dropped because the listener fell behind. */
        public long dropped() {
            return dropped.get();
        }

        /** Events that reached the client (delivered, queued or dropped). */
        public long received() {
            return received.get();
        }

        /** The current subscription id (changes on reconnect). */
        public long id() {
            return id;
        }

        /** Unsubscribes (best effort) and stops the delivery thread. */
        @Override
        public void close() {
            if (stopped) {
                return;
            }
            subscriptions.remove(this);
            bySubscriptionId.remove(id, this);
            Connection c = current;
            if (c != null && !c.dead && !closed) {
                try {
                    call("unsubscribe_events", mapper.createObjectNode().put("subscription", id));
                } catch (HomeAssistantException e) {
                    log.debug("unsubscribe_events failed: {}", e.getMessage());
                }
            }
            stop();
        }

        private void start() {
            thread.start();
        }

        private void stop() {
            stopped = true;
            thread.interrupt();
        }

        /** On the socket's reader thread: never blocks. */
        private void offer(JsonNode event) {
            received.incrementAndGet();
            if (!queue.offer(event)) {
                dropped.incrementAndGet();
            }
        }

        private void resubscribed() {
            if (!queue.offer(resubscribedMarker)) {
                dropped.incrementAndGet(); // onLagged tells the listener to resynchronise anyway
            }
        }

        private void deliver() {
            long reported = 0;
            while (!stopped) {
                JsonNode event;
                try {
                    event = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    long lost = dropped.get();
                    if (lost != reported) {
                        reported = lost;
                        listener.onLagged(lost);
                    }
                    if (event == resubscribedMarker) {
                        listener.onResubscribed();
                    } else {
                        listener.onEvent(event);
                    }
                } catch (RuntimeException e) {
                    log.warn("Home Assistant event listener failed", e);
                }
            }
        }
    }

    private CompletableFuture<JsonNode> subscribe(Connection c, Subscription sub) {
        ObjectNode fields = mapper.createObjectNode();
        if (sub.eventType != null) {
            fields.put("event_type", sub.eventType);
        }
        // Mapped before the frame leaves, so an event right after the result is not lost.
        return send(c, "subscribe_events", fields, id -> {
            sub.id = id;
            bySubscriptionId.put(id, sub);
        });
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private CompletableFuture<JsonNode> send(Connection c, String type, ObjectNode fields, LongConsumer beforeSend) {
        ObjectNode message = mapper.createObjectNode();
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        long id;
        synchronized (sendLock) { // ids leave in increasing order and one frame at a time
            id = ids.incrementAndGet();
            message.put("id", id);
            message.put("type", type);
            if (fields != null) {
                fields.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("id") && !f.getKey().equals("type")) {
                        message.set(f.getKey(), f.getValue());
                    }
                });
            }
            pending.put(id, new Pending(c, type, future));
            beforeSend.accept(id);
            try {
                c.ws.sendText(write(message), true)
                        .get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.remove(id);
                return CompletableFuture.failedFuture(
                        new HomeAssistantException(Kind.ERROR, 0, "Interrupted while sending " + type));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                pending.remove(id);
                return CompletableFuture.failedFuture(new HomeAssistantException(
                        Kind.UNAVAILABLE, 0, "Could not send " + type + " to Home Assistant: " + e, e));
            }
        }
        long timeout = settings.requestTimeout().toMillis();
        return future.orTimeout(timeout, TimeUnit.MILLISECONDS).handle((result, error) -> {
            if (error == null) {
                return result;
            }
            pending.remove(id);
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                throw new HomeAssistantException(
                        Kind.TIMEOUT, 0, "Home Assistant did not answer " + type + " within " + timeout + " ms", cause);
            }
            if (cause instanceof HomeAssistantException h) {
                throw h;
            }
            throw new HomeAssistantException(Kind.ERROR, 0, "Home Assistant call " + type + " failed: " + cause, cause);
        });
    }

    private Connection open() {
        Connection c = new Connection();
        long timeout = settings.connectTimeout().toMillis();
        try {
            c.ws = http.newWebSocketBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .buildAsync(uri, c)
                    .get(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HomeAssistantException(Kind.ERROR, 0, "Interrupted while connecting to Home Assistant", e);
        } catch (TimeoutException e) {
            throw new HomeAssistantException(
                    Kind.UNREACHABLE,
                    0,
                    "Home Assistant at " + uri + " did not accept a connection within " + timeout + " ms",
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException h) {
                throw new HomeAssistantException(
                        Kind.ERROR,
                        h.getResponse().statusCode(),
                        "Home Assistant at " + uri + " refused the WebSocket upgrade (HTTP "
                                + h.getResponse().statusCode() + ")");
            }
            boolean refused = cause instanceof ConnectException
                    || cause instanceof HttpConnectTimeoutException
                    || (cause != null && cause.getCause() instanceof ConnectException);
            throw new HomeAssistantException(
                    Kind.UNREACHABLE,
                    0,
                    "Home Assistant at " + uri + " is unreachable ("
                            + (refused ? "connection refused or timed out" : redact(String.valueOf(cause))) + ")",
                    cause);
        }
        try {
            haVersion = c.authenticated.get(timeout, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.ws.abort();
            throw new HomeAssistantException(Kind.ERROR, 0, "Interrupted while authenticating", e);
        } catch (TimeoutException e) {
            c.ws.abort();
            throw new HomeAssistantException(
                    Kind.TIMEOUT, 0, "Home Assistant did not finish the WebSocket handshake within " + timeout + " ms");
        } catch (ExecutionException e) {
            c.ws.abort();
            throw e.getCause() instanceof HomeAssistantException h
                    ? h
                    : new HomeAssistantException(Kind.ERROR, 0, "WebSocket handshake failed: " + e.getCause());
        }
        connections.incrementAndGet();
        return c;
    }

    private void connectionLost(Connection c, String why) {
        failPending(
                c,
                new HomeAssistantException(
                        Kind.UNAVAILABLE, 0, "Connection to Home Assistant's WebSocket lost (" + why + ")"));
        if (closed || c != current) {
            return;
        }
        current = null;
        bySubscriptionId.clear();
        log.info("Home Assistant WebSocket lost ({}); reconnecting", why);
        try {
            scheduler.execute(this::scheduleReconnect); // back-off state stays on the scheduler thread
        } catch (RuntimeException e) {
            log.debug("Reconnect not scheduled: {}", e.toString()); // closing
        }
    }

    private void scheduleReconnect() {
        long initial = Math.max(1, options.initialBackoff().toMillis());
        long cap = options.maxBackoff().toMillis();
        long delay = initial << Math.min(attempt, 20);
        delay = Math.min(cap, delay);
        delay = Math.max(1, (long) (delay * ThreadLocalRandom.current().nextDouble(0.8, 1.0)));
        attempt++;
        scheduler.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    /** On the scheduler thread. */
    private void reconnect() {
        if (closed) {
            return;
        }
        Connection c;
        try {
            c = open();
        } catch (HomeAssistantException e) {
            lastFailure = e;
            if (e.kind() == Kind.UNAUTHORIZED) {
                log.error("Home Assistant refused the access token on reconnect; not retrying: {}", e.getMessage());
                return;
            }
            log.debug("Home Assistant WebSocket reconnect failed: {}", e.getMessage());
            scheduleReconnect();
            return;
        }
        if (closed) {
            c.ws.abort();
            return;
        }
        current = c;
        attempt = 0;
        lastFailure = null;
        for (Subscription sub : subscriptions) {
            try {
                subscribe(c, sub).join();
                sub.resubscribed();
            } catch (CompletionException e) {
                log.warn(
                        "Resubscribing {} failed: {}",
                        sub.eventType,
                        unwrap(e, "subscribe_events").getMessage());
                if (!c.dead) {
                    c.ws.abort();
                    c.lost("resubscribe failed");
                }
                return;
            }
        }
        log.info("Home Assistant WebSocket reconnected, {} subscription(s) renewed", subscriptions.size());
    }

    /** On the scheduler thread: a ping that gets no pong within the request timeout drops the socket. */
    private void ping() {
        Connection c = current;
        if (c == null || c.dead || closed) {
            return;
        }
        try {
            send(c, "ping", null, id -> {}).join();
        } catch (CompletionException e) {
            HomeAssistantException h = unwrap(e, "ping");
            if (h.kind() == Kind.TIMEOUT && !c.dead) {
                c.ws.abort();
                c.lost("no pong within " + settings.requestTimeout().toMillis() + " ms");
            }
        }
    }

    private void failPending(Connection c, HomeAssistantException why) {
        pending.entrySet().removeIf(e -> {
            if (c == null || e.getValue().connection() == c) {
                e.getValue().future().completeExceptionally(why);
                return true;
            }
            return false;
        });
    }

    /** One socket: its listener does the handshake and routes replies and events. */
    private final class Connection implements WebSocket.Listener {
        volatile WebSocket ws;
        volatile boolean dead;
        final CompletableFuture<String> authenticated = new CompletableFuture<>();
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    receive(webSocket, text);
                } catch (RuntimeException e) {
                    log.warn("Unreadable message from Home Assistant: {}", e.toString());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1); // HA sends text only
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost("closed by Home Assistant: " + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost(redact(String.valueOf(error)));
        }

        void lost(String why) {
            if (dead) {
                return;
            }
            dead = true;
            authenticated.completeExceptionally(new HomeAssistantException(
                    Kind.UNAVAILABLE, 0, "Home Assistant closed the WebSocket during the handshake (" + why + ")"));
            connectionLost(this, why);
        }

        private void receive(WebSocket webSocket, String text) {
            JsonNode message;
            try {
                message = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                log.warn("Home Assistant sent a frame that is not JSON");
                return;
            }
            if (message.isArray()) { // coalesced messages
                message.forEach(m -> handle(webSocket, m));
            } else {
                handle(webSocket, message);
            }
        }

        private void handle(WebSocket webSocket, JsonNode message) {
            String type = message.path("type").asText("");
            switch (type) {
                case "auth_required" -> {
                    ObjectNode auth =
                            mapper.createObjectNode().put("type", "auth").put("access_token", settings.token());
                    webSocket.sendText(write(auth), true);
                }
                case "auth_ok" ->
                    authenticated.complete(message.path("ha_version").asText(""));
                case "auth_invalid" ->
                    authenticated.completeExceptionally(new HomeAssistantException(
                            Kind.UNAUTHORIZED,
                            0,
                            "Home Assistant refused the access token: "
                                    + redact(message.path("message").asText("auth_invalid"))));
                case "result", "pong" -> {
                    Pending p = pending.remove(message.path("id").asLong());
                    if (p == null) {
                        log.debug(
                                "Reply to unknown or expired id {}",
                                message.path("id").asLong());
                        return;
                    }
                    if (type.equals("pong")) {
                        p.future().complete(message);
                    } else if (message.path("success").asBoolean(false)) {
                        JsonNode result = message.get("result");
                        p.future().complete(result == null ? NullNode.getInstance() : result);
                    } else {
                        JsonNode error = message.path("error");
                        p.future()
                                .completeExceptionally(new HomeAssistantCommandException(
                                        p.type(),
                                        error.path("code").asText("unknown_error"),
                                        redact(error.path("message").asText(""))));
                    }
                }
                case "event" -> {
                    Subscription sub = bySubscriptionId.get(message.path("id").asLong());
                    if (sub != null) {
                        sub.offer(message.path("event"));
                    }
                }
                default -> log.debug("Ignoring Home Assistant message of type {}", type);
            }
        }
    }

    private HomeAssistantException unwrap(CompletionException e, String type) {
        Throwable cause = e.getCause();
        if (cause instanceof HomeAssistantException h) {
            return h;
        }
        return new HomeAssistantException(Kind.ERROR, 0, "Home Assistant call " + type + " failed: " + cause, cause);
    }

    private void ensureOpen() {
        if (closed) {
            throw new HomeAssistantException(Kind.UNAVAILABLE, 0, "Home Assistant WebSocket client closed");
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise a WebSocket message", e);
        }
    }

    private String redact(String text) {
        String token = settings.token();
        return token.isEmpty() || text == null ? text : text.replace(token, "<redacted>");
    }

    private static String domain(String value) {
        requireText(value, "domain/service");
        if (!DOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Home Assistant domain or service name: " + value);
        }
        return value;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
