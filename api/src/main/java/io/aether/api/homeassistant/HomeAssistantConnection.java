package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.config.AetherProperties;
import io.aether.homeassistant.HomeAssistantClient;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.HomeAssistantSettings;
import io.aether.homeassistant.websocket.HomeAssistantWebSocketClient;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * The Home Assistant Aether talks to: the default zone (first-time setup creates it as "Home"),
 * else AETHER_HA_URL / AETHER_HA_TOKEN (the server starts without either). A client is rebuilt only
 * when the settings change, e.g. after setup on this or another node.
 */
@Component
public class HomeAssistantConnection {
    private final HomeAssistantZones zones;
    private final AetherProperties.Ha configured;
    private final ObjectMapper mapper;
    private volatile HomeAssistantClient client;

    public HomeAssistantConnection(HomeAssistantZones zones, AetherProperties properties, ObjectMapper mapper) {
        this.zones = zones;
        this.configured = properties.ha();
        this.mapper = mapper;
    }

    public HomeAssistantClient client() {
        HomeAssistantSettings settings = settings();
        HomeAssistantClient current = client;
        if (current == null || !current.settings().equals(settings)) {
            current = new HomeAssistantClient(settings, mapper);
            client = current;
        }
        return current;
    }

    /** A client for settings that are being tried out (setup, token sign-in), same timeouts. */
    public HomeAssistantClient clientFor(String baseUrl, String token) {
        return new HomeAssistantClient(
                new HomeAssistantSettings(baseUrl, token, configured.connectTimeout(), configured.requestTimeout()),
                mapper);
    }

    /**
     * HA's WebSocket API: AETHER_HA_WEBSOCKET_URL when set, else derived from the settings' base
     * URL ({@code ws(s)://host[:port][/prefix]/api/websocket}).
     */
    public URI webSocketUri(HomeAssistantSettings settings) {
        String explicit = configured.websocketUrl();
        if (explicit != null && !explicit.isBlank()) {
            try {
                return URI.create(explicit.strip());
            } catch (IllegalArgumentException e) {
                throw new HomeAssistantException(
                        HomeAssistantException.Kind.NOT_CONFIGURED, 0, "AETHER_HA_WEBSOCKET_URL is not a valid URL");
            }
        }
        return HomeAssistantWebSocketClient.webSocketUri(settings.baseUrl());
    }

    public HomeAssistantSettings settings() {
        return zones.defaultZone()
                .map(zone -> new HomeAssistantSettings(
                        zone.activeUrl(), zones.token(zone), configured.connectTimeout(), configured.requestTimeout()))
                .orElseGet(() -> new HomeAssistantSettings(
                        configured.url(),
                        configured.token(),
                        configured.connectTimeout(),
                        configured.requestTimeout()));
    }
}
