package io.aether.api.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.platform.background.BackgroundLoop;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.HomeAssistantSettings;
import io.aether.homeassistant.websocket.HomeAssistantWebSocketClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the mirrors of Home Assistant current over ONE WebSocket connection to the configured HA
 * (the settings of {@link HomeAssistantConnection}). Its own thread connects once the server runs
 * (never during start-up), subscribes to {@code state_changed}, runs a full sync, and from then on
 * upserts each changed entity. A failed connect is logged and retried with back-off (1 s doubling to
 * 60 s); a token HA refused is not retried until the settings change (HA bans addresses after
 * failed logins). After a reconnect, or when the event queue overflowed, it syncs again; changed
 * settings (setup on this or another node) replace the connection. Stopped with the application:
 * the socket is closed and the threads end.
 */
@Component
public class HomeAssistantMirror extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(HomeAssistantMirror.class);
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final HomeAssistantConnection connection;
    private final MirrorStore store;
    private final ObjectMapper mapper;
    private final Object clientLock = new Object();
    private final Object syncLock = new Object();

    private HomeAssistantWebSocketClient client;
    private HomeAssistantSettings clientSettings;
    /** Settings whose token HA refused: not tried again by the loop until they change. */
    private volatile HomeAssistantSettings refused;

    private volatile boolean resync = true;
    /**
     * Entities a state_changed event removed, and when: a sync that read get_states before the
     * removal must not bring them back. Entries older than the last sync's start are dropped.
     */
    private final Map<String, Instant> removals = new ConcurrentHashMap<>();

    private final List<Consumer<JsonNode>> stateListeners = new CopyOnWriteArrayList<>();
    /** Set while the application stops: no new client may be made (it would outlive the stop). */
    private boolean stopped;

    public HomeAssistantMirror(HomeAssistantConnection connection, MirrorStore store, ObjectMapper mapper) {
        super("ha-mirror");
        this.connection = connection;
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    protected void loop() {
        Duration backoff = INITIAL_BACKOFF;
        while (running()) {
            try {
                HomeAssistantSettings settings = connection.settings();
                if (!settings.configured() || settings.equals(refused)) {
                    closeClient();
                    pause(CHECK);
                    continue;
                }
                connectedClient(settings);
                if (resync) {
                    resync = false;
                    sync();
                }
                backoff = INITIAL_BACKOFF;
                pause(CHECK);
            } catch (RuntimeException e) {
                if (!running()) {
                    return;
                }
                resync = true;
                log.warn(
                        "Home Assistant mirror: {} (retrying in {} s)",
                        e instanceof ApiException || e instanceof HomeAssistantException
                                ? e.getMessage()
                                : e.toString(),
                        backoff.toSeconds());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void start() {
        synchronized (clientLock) {
            stopped = false;
        }
        super.start();
    }

    @Override
    protected void stopping() {
        synchronized (clientLock) {
            stopped = true;
            closeClient();
        }
    }

    /**
     * A full sync now (POST /entities/sync): connects first when needed. HA unreachable, refusing
     * or failing is an UPSTREAM error with HA's message (never the token).
     */
    public MirrorStore.SyncResult syncNow() {
        HomeAssistantSettings settings = connection.settings();
        try {
            if (!settings.configured()) {
                throw new HomeAssistantException(
                        HomeAssistantException.Kind.NOT_CONFIGURED,
                        0,
                        "Home Assistant is not configured (set AETHER_HA_URL and AETHER_HA_TOKEN)");
            }
            connectedClient(settings);
            return sync();
        } catch (HomeAssistantException e) {
            throw new ApiException(ErrorKind.UPSTREAM, "home_assistant_error", "Home Assistant: " + e.getMessage());
        }
    }

    /**
     * The mirror's WebSocket connection, connected (and subscribed) first when needed, for the
     * commands other features send over the same connection (dashboards, helpers, deployments).
     * Throws HomeAssistantException when HA is not configured, unreachable or refusing.
     */
    public HomeAssistantWebSocketClient webSocket() {
        HomeAssistantSettings settings = connection.settings();
        if (!settings.configured()) {
            throw new HomeAssistantException(
                    HomeAssistantException.Kind.NOT_CONFIGURED,
                    0,
                    "Home Assistant is not configured (set AETHER_HA_URL and AETHER_HA_TOKEN)");
        }
        synchronized (clientLock) {
            connectedClient(settings);
            return client;
        }
    }

    /** Also hands every {@code state_changed} event to this listener (on the subscription's thread). */
    public void addStateListener(Consumer<JsonNode> listener) {
        stateListeners.add(listener);
    }

    private MirrorStore.SyncResult sync() {
        synchronized (syncLock) {
            HomeAssistantWebSocketClient c;
            synchronized (clientLock) {
                c = client;
            }
            if (c == null) {
                throw new HomeAssistantException(
                        HomeAssistantException.Kind.UNAVAILABLE, 0, "Not connected to Home Assistant's WebSocket");
            }
            Instant started = Instant.now();
            JsonNode states = c.getStates();
            JsonNode entityRegistry = c.entityRegistry();
            JsonNode devices = c.deviceRegistry();
            JsonNode areas = c.areaRegistry();
            MirrorStore.Snapshot read = MirrorRows.snapshot(states, entityRegistry, devices, areas);
            removals.values().removeIf(at -> at.isBefore(started));
            MirrorStore.Snapshot snapshot = new MirrorStore.Snapshot(
                    read.entities().stream()
                            .filter(e -> !removals.containsKey(e.entityId()))
                            .toList(),
                    read.devices(),
                    read.areas());
            MirrorStore.SyncResult result = store.replace(snapshot, started);
            log.info(
                    "Home Assistant mirror synced: {} entities ({} added, {} removed), {} devices, {} areas",
                    result.entitiesFound(),
                    result.entitiesAdded(),
                    result.entitiesRemoved(),
                    result.devicesFound(),
                    result.areasFound());
            return result;
        }
    }

    /** The client for these settings, connected and subscribed; replaces one for other settings. */
    private void connectedClient(HomeAssistantSettings settings) {
        synchronized (clientLock) {
            URI uri = connection.webSocketUri(settings);
            if (client != null && settings.equals(clientSettings) && uri.equals(client.uri())) {
                if (client.connected()) {
                    return;
                }
                HomeAssistantException failure = client.lastFailure();
                if (failure != null && failure.kind() == HomeAssistantException.Kind.UNAUTHORIZED) {
                    refused = settings;
                    throw failure;
                }
                if (client.connectionCount() > 0) {
                    // It reconnects by itself; until then HA counts as unavailable.
                    throw new HomeAssistantException(
                            HomeAssistantException.Kind.UNAVAILABLE,
                            0,
                            failure != null ? failure.getMessage() : "Reconnecting to Home Assistant's WebSocket");
                }
            }
            closeClient();
            if (stopped) {
                throw new HomeAssistantException(HomeAssistantException.Kind.UNAVAILABLE, 0, "Aether is stopping");
            }
            HomeAssistantWebSocketClient fresh = new HomeAssistantWebSocketClient(
                    settings, uri, mapper, HomeAssistantWebSocketClient.Options.DEFAULTS);
            try {
                fresh.connect();
                fresh.subscribeStateChanged(new StateChanges());
            } catch (RuntimeException e) {
                fresh.close();
                if (e instanceof HomeAssistantException h && h.kind() == HomeAssistantException.Kind.UNAUTHORIZED) {
                    refused = settings;
                }
                throw e;
            }
            refused = null;
            client = fresh;
            clientSettings = settings;
            resync = true;
            log.info("Home Assistant mirror connected to {} (HA {})", uri, fresh.haVersion());
        }
    }

    private void closeClient() {
        synchronized (clientLock) {
            if (client != null) {
                client.close();
                client = null;
                clientSettings = null;
            }
        }
    }

    /** state_changed: the new state upserted, a removed entity (no new state) deleted. */
    private final class StateChanges implements HomeAssistantWebSocketClient.EventListener {
        @Override
        public void onEvent(JsonNode event) {
            JsonNode data = event.path("data");
            String entityId = data.path("entity_id").asText("");
            for (Consumer<JsonNode> listener : stateListeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    log.warn("Home Assistant mirror: a state listener failed on {}: {}", entityId, e.toString());
                }
            }
            try {
                JsonNode newState = data.path("new_state");
                if (newState.isObject()) {
                    MirrorStore.EntityRow row = MirrorRows.fromState(newState);
                    if (row != null) {
                        removals.remove(row.entityId());
                        store.upsertState(row);
                    }
                } else if (!entityId.isEmpty()) {
                    removals.put(entityId, Instant.now());
                    store.remove(entityId);
                }
            } catch (RuntimeException e) {
                // The database failed: the next sync repairs the row.
                resync = true;
                log.warn("Home Assistant mirror: state of {} not stored: {}", entityId, e.toString());
            }
        }

        @Override
        public void onLagged(long dropped) {
            resync = true;
        }

        @Override
        public void onResubscribed() {
            resync = true;
        }
    }
}
