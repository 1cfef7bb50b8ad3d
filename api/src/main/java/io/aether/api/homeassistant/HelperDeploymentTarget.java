package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.mirror.HomeAssistantMirror;
import io.aether.command.proposal.DeploymentTarget;
import io.aether.domain.proposal.ProposalType;
import io.aether.homeassistant.HomeAssistantException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Helpers (input_boolean, input_number, ... counter, timer): HA's storage collections over the
 * WebSocket ({@code <domain>/list|create|update|delete}). HA derives a helper's id from its name
 * (slugified), so the helper a config stands for is the one with that id: a deployment creates it
 * (or updates it when it exists, which the snapshot then records), a rollback deletes it or puts the
 * recorded item back. A config HA refuses fails the deployment with HA's reason.
 */
@Component
public class HelperDeploymentTarget implements DeploymentTarget {
    private final HomeAssistantMirror mirror;

    public HelperDeploymentTarget(HomeAssistantMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public ProposalType type() {
        return ProposalType.HELPER;
    }

    @Override
    public String method() {
        return "ha_helper_create";
    }

    /** HA's stored item with its domain added, so that a rollback can put it back as it was. */
    @Override
    public Optional<JsonNode> current(String haId, JsonNode config) {
        String domain = config.path("domain").asText();
        String id = helperId(config);
        return HomeAssistantCalls.call(() -> {
            for (JsonNode item : mirror.webSocket().listHelpers(domain)) {
                if (id.equals(item.path("id").asText())) {
                    ObjectNode copy = ((ObjectNode) item).deepCopy();
                    copy.put("domain", domain);
                    return Optional.of(copy);
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public void save(String haId, JsonNode config) {
        String domain = config.path("domain").asText();
        ObjectNode fields = ((ObjectNode) config).deepCopy();
        fields.remove("domain");
        fields.remove("id");
        Optional<JsonNode> existing = current(haId, config);
        HomeAssistantCalls.run(() -> {
            if (existing.isPresent()) {
                fields.put(domain + "_id", existing.get().path("id").asText());
                mirror.webSocket().call(domain + "/update", fields);
            } else {
                mirror.webSocket().createHelper(domain, fields);
            }
        });
    }

    @Override
    public void remove(String haId, JsonNode deployed) {
        String domain = deployed.path("domain").asText();
        HomeAssistantCalls.run(() -> {
            try {
                mirror.webSocket().deleteHelper(domain, helperId(deployed));
            } catch (HomeAssistantException e) {
                if (!"not_found".equals(HomeAssistantCalls.code(e))) {
                    throw e; // already gone is what a rollback wants
                }
            }
        });
    }

    /** The id HA gives the helper: the stored item's own, else its name slugified as HA does. */
    static String helperId(JsonNode config) {
        String id = config.path("id").asText("");
        return id.isEmpty() ? slugify(config.path("name").asText("")) : id;
    }

    /** HA's {@code util.slugify}: ASCII-fold, lowercase, runs of other characters become "_". */
    static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }
}
