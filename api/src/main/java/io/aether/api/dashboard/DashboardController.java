package io.aether.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.mirror.HomeAssistantMirror;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.websocket.HomeAssistantCommandException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lovelace dashboards, read live from Home Assistant's WebSocket: the list
 * ({@code lovelace/dashboards/list}) and one dashboard's config ({@code lovelace/config}). An
 * unknown dashboard (HA's {@code config_not_found}) is 404, any other HA failure 502 with HA's message.
 */
@RestController
@RequestMapping(path = "/api/v1/dashboards", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dashboards", description = "Lovelace dashboards of Home Assistant")
public class DashboardController {
    private static final Pattern URL_PATH = Pattern.compile("[a-z0-9_-]{1,100}");

    private final HomeAssistantMirror homeAssistant;

    public DashboardController(HomeAssistantMirror homeAssistant) {
        this.homeAssistant = homeAssistant;
    }

    @GetMapping
    @Operation(summary = "List the storage dashboards Home Assistant has (id, title, mode, url_path, ...)")
    public JsonNode list() {
        try {
            return homeAssistant.webSocket().dashboards();
        } catch (HomeAssistantException e) {
            throw upstream(e);
        }
    }

    @GetMapping("/{urlPath}/config")
    @Operation(summary = "A dashboard's full Lovelace config; 'default' (or 'lovelace') is the default dashboard")
    public JsonNode config(@PathVariable String urlPath) {
        if (!URL_PATH.matcher(urlPath).matches()) {
            throw ApiException.badRequest("url_path must be a dashboard path such as dashboard-home or default");
        }
        String path = urlPath.equals("default") || urlPath.equals("lovelace") ? null : urlPath;
        try {
            return homeAssistant.webSocket().lovelaceConfig(path);
        } catch (HomeAssistantCommandException e) {
            if ("config_not_found".equals(e.code())) {
                throw new ApiException(
                        ErrorKind.NOT_FOUND,
                        "Dashboard '" + urlPath + "' not found in Home Assistant: " + e.getMessage());
            }
            throw upstream(e);
        } catch (HomeAssistantException e) {
            throw upstream(e);
        }
    }

    private static ApiException upstream(HomeAssistantException e) {
        return new ApiException(ErrorKind.UPSTREAM, "home_assistant_error", "Home Assistant: " + e.getMessage());
    }
}
