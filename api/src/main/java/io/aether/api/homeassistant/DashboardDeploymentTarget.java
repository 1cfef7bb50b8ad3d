package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.mirror.HomeAssistantMirror;
import io.aether.command.proposal.AutomationGatewayException;
import io.aether.command.proposal.DeploymentTarget;
import io.aether.domain.proposal.ProposalType;
import io.aether.homeassistant.HomeAssistantException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Dashboards: the deployment snapshots the dashboard's Lovelace config ({@code lovelace/config},
 * recorded as what was there before) and replaces it ({@code lovelace/config/save}, HA has no
 * merge). A rollback first checks that HA still shows what we deployed: if someone edited the
 * dashboard since, it fails instead of overwriting their work; otherwise it saves the snapshot back
 * ({@code lovelace/config/delete} when the dashboard had no saved config). Configs are
 * {@code {url_path, config}}; url_path null is the default dashboard.
 */
@Component
public class DashboardDeploymentTarget implements DeploymentTarget {
    private final HomeAssistantMirror mirror;
    private final ObjectMapper mapper;

    public DashboardDeploymentTarget(HomeAssistantMirror mirror, ObjectMapper mapper) {
        this.mirror = mirror;
        this.mapper = mapper;
    }

    @Override
    public ProposalType type() {
        return ProposalType.DASHBOARD;
    }

    @Override
    public String method() {
        return "ws_lovelace_save";
    }

    @Override
    public Optional<JsonNode> current(String haId, JsonNode config) {
        String urlPath = urlPath(config);
        return HomeAssistantCalls.call(() -> {
            try {
                JsonNode saved = mirror.webSocket().lovelaceConfig(urlPath);
                ObjectNode snapshot = mapper.createObjectNode();
                snapshot.put("url_path", urlPath);
                snapshot.set("config", saved);
                return Optional.of(snapshot);
            } catch (HomeAssistantException e) {
                if ("config_not_found".equals(HomeAssistantCalls.code(e))) {
                    return Optional.empty(); // never saved (or unknown: the save then says so)
                }
                throw e;
            }
        });
    }

    @Override
    public void save(String haId, JsonNode config) {
        HomeAssistantCalls.run(() -> mirror.webSocket().saveLovelaceConfig(urlPath(config), config.get("config")));
    }

    @Override
    public void remove(String haId, JsonNode deployed) {
        ObjectNode fields = mapper.createObjectNode();
        String urlPath = urlPath(deployed);
        if (urlPath != null) {
            fields.put("url_path", urlPath);
        }
        HomeAssistantCalls.run(() -> mirror.webSocket().call("lovelace/config/delete", fields));
    }

    @Override
    public void rollBack(String haId, JsonNode live, JsonNode restore) {
        if (live != null) {
            JsonNode now = current(haId, live).map(c -> c.get("config")).orElse(null);
            if (now == null || !now.equals(live.get("config"))) {
                throw new AutomationGatewayException("The dashboard " + describe(live)
                        + " was changed in Home Assistant since this deployment; not overwriting it"
                        + " (save the earlier config by hand, or redeploy)");
            }
        }
        DeploymentTarget.super.rollBack(haId, live, restore);
    }

    private static String urlPath(JsonNode config) {
        JsonNode urlPath = config == null ? null : config.get("url_path");
        return urlPath == null || urlPath.isNull() ? null : urlPath.asText();
    }

    private static String describe(JsonNode config) {
        String urlPath = urlPath(config);
        return urlPath == null ? "(default)" : "'" + urlPath + "'";
    }
}
