package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Builds the Home Assistant automation config (the body of POST /api/config/automation/config/&lt;id&gt;). */
public final class AutomationConfig {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AutomationConfig() {}

    /** Deterministic HA config id of a proposal, so that repeated HA calls are idempotent. */
    public static String haAutomationId(UUID proposalId) {
        return "aether_" + proposalId.toString().replace("-", "");
    }

    /** The config in HA's current (plural-key) form, keys in the order HA writes them. */
    public static ObjectNode build(ProposalContent content, String haAutomationId) {
        ObjectNode config = JSON.objectNode();
        config.put("id", haAutomationId);
        config.put("alias", content.name());
        config.put("description", content.description() == null ? "" : content.description());
        config.set("triggers", asList(content.trigger(), "triggers", "trigger"));
        config.set("conditions", asList(content.conditions(), "conditions", "condition"));
        config.set("actions", asList(content.actions(), "actions", "action"));
        config.put("mode", content.mode() == null ? "single" : content.mode());
        return config;
    }

    /**
     * HA accepts one item or a list; the original project stored lists wrapped as
     * {"triggers": [...]}. All three forms become a plain list here.
     */
    static ArrayNode asList(JsonNode node, String pluralKey, String singularKey) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JSON.arrayNode();
        }
        if (node.isArray()) {
            return (ArrayNode) node.deepCopy();
        }
        if (node.isObject() && node.size() == 1) {
            JsonNode wrapped = node.has(pluralKey) ? node.get(pluralKey) : node.get(singularKey);
            if (wrapped != null && wrapped.isArray()) {
                return (ArrayNode) wrapped.deepCopy();
            }
        }
        return JSON.arrayNode().add(node.deepCopy());
    }
}
