package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The exact config a deployment sends to Home Assistant, per proposal type; recorded in
 * {@link ProposalDeploymentRequested} and {@link ProposalDeployed}. Pure: an invalid payload is an
 * {@link InvalidProposalCommandException} (nothing appended).
 *
 * <ul>
 *   <li>automation: {@link AutomationConfig#build} (body of {@code /api/config/automation/config/<id>})
 *   <li>script: {@code {alias, description, sequence, mode}} (body of {@code /api/config/script/config/<id>})
 *   <li>scene: {@code {id, name, entities}} (body of {@code /api/config/scene/config/<id>}); the
 *       entities map comes from {@code actions} (or {@code entities} in the YAML)
 *   <li>helper: {@code {domain, name, ...fields}} from {@code service_call} (WebSocket {@code <domain>/create})
 *   <li>dashboard: {@code {url_path, config}}: {@code service_call.url_path} (null: the default
 *       dashboard) and {@code dashboard_config} (WebSocket {@code lovelace/config/save})
 *   <li>entity_command: {@code {domain, service, target: {entity_id: [...]}, data}} from
 *       {@code service_call} ({@code service: "light.turn_on"} or {@code domain} + {@code service})
 * </ul>
 */
public final class DeploymentConfig {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The storage helpers HA creates over its WebSocket API. */
    public static final Set<String> HELPER_DOMAINS =
            Set.of("input_boolean", "input_number", "input_text", "input_select", "input_datetime", "counter", "timer");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9_]+");
    private static final Pattern ENTITY_ID = Pattern.compile("[a-z0-9_]+\\.[a-z0-9_]+");

    private DeploymentConfig() {}

    public static JsonNode build(ProposalContent content, String haId) {
        ProposalType type = content.proposalType();
        return switch (type) {
            case AUTOMATION -> AutomationConfig.build(content, haId);
            case SCRIPT -> script(content);
            case SCENE -> scene(content, haId);
            case HELPER -> helper(content);
            case DASHBOARD -> dashboard(content);
            case ENTITY_COMMAND -> entityCommand(content);
        };
    }

    private static ObjectNode script(ProposalContent content) {
        ObjectNode config = JSON.objectNode();
        config.put("alias", content.name());
        config.put("description", content.description() == null ? "" : content.description());
        ArrayNode sequence = AutomationConfig.asList(content.actions(), "sequence", "actions");
        if (sequence.isEmpty()) {
            throw invalid("a script needs at least one action in 'actions' (its sequence)");
        }
        config.set("sequence", sequence);
        config.put("mode", content.mode() == null ? "single" : content.mode());
        return config;
    }

    private static ObjectNode scene(ProposalContent content, String haId) {
        JsonNode entities = content.actions();
        if (entities != null && entities.isObject() && entities.size() == 1 && entities.has("entities")) {
            entities = entities.get("entities");
        }
        if (entities == null || !entities.isObject() || entities.isEmpty()) {
            throw invalid("a scene needs 'actions' (or 'entities' in yaml_content): a map of entity_id to its state");
        }
        for (Iterator<String> it = entities.fieldNames(); it.hasNext(); ) {
            String entityId = it.next();
            if (!ENTITY_ID.matcher(entityId).matches()) {
                throw invalid("scene entity '" + entityId + "' is not an entity id");
            }
        }
        ObjectNode config = JSON.objectNode();
        config.put("id", haId);
        config.put("name", content.name());
        config.set("entities", entities.deepCopy());
        return config;
    }

    private static ObjectNode helper(ProposalContent content) {
        JsonNode call = requireServiceCall(content, "helper");
        String domain = text(call, "domain");
        if (domain == null) {
            domain = text(call, "helper_type");
        }
        if (domain == null || !HELPER_DOMAINS.contains(domain)) {
            throw invalid(
                    "a helper's service_call needs 'domain', one of " + String.join(", ", sorted(HELPER_DOMAINS)));
        }
        ObjectNode config = JSON.objectNode();
        config.put("domain", domain);
        String name = text(call, "name");
        config.put("name", name == null || name.isBlank() ? content.name() : name);
        for (Iterator<Map.Entry<String, JsonNode>> it = call.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!Set.of("domain", "helper_type", "name").contains(field.getKey())) {
                config.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return config;
    }

    private static ObjectNode dashboard(ProposalContent content) {
        JsonNode dashboardConfig = content.dashboardConfig();
        if (dashboardConfig == null || !dashboardConfig.isObject()) {
            throw invalid("a dashboard proposal needs 'dashboard_config' (the Lovelace config object)");
        }
        JsonNode call = content.serviceCall();
        String urlPath = call == null || !call.isObject() ? null : text(call, "url_path");
        if (urlPath != null && !urlPath.isBlank() && !urlPath.contains("-")) {
            throw invalid("service_call.url_path must contain a hyphen, as Home Assistant's dashboard paths do");
        }
        ObjectNode config = JSON.objectNode();
        if (urlPath == null || urlPath.isBlank() || urlPath.equals("lovelace")) {
            config.putNull("url_path");
        } else {
            config.put("url_path", urlPath);
        }
        config.set("config", dashboardConfig.deepCopy());
        return config;
    }

    private static ObjectNode entityCommand(ProposalContent content) {
        JsonNode call = requireServiceCall(content, "entity_command");
        String service = text(call, "service");
        String domain = text(call, "domain");
        if (service != null && service.contains(".") && domain == null) {
            domain = service.substring(0, service.indexOf('.'));
            service = service.substring(service.indexOf('.') + 1);
        }
        if (domain == null
                || service == null
                || !SLUG.matcher(domain).matches()
                || !SLUG.matcher(service).matches()) {
            throw invalid("an entity_command's service_call needs 'service' as domain.service (e.g. light.turn_on)");
        }
        JsonNode data = call.get("data");
        if (data == null || data.isNull()) {
            data = call.get("service_data");
        }
        if (data != null && !data.isNull() && !data.isObject()) {
            throw invalid("service_call.data must be an object");
        }
        ObjectNode cleanData = data == null || data.isNull() ? JSON.objectNode() : ((ObjectNode) data).deepCopy();
        ArrayNode entityIds = JSON.arrayNode();
        addEntityIds(entityIds, call.path("target").path("entity_id"));
        addEntityIds(entityIds, call.path("entity_id"));
        addEntityIds(entityIds, cleanData.path("entity_id"));
        cleanData.remove("entity_id");
        if (entityIds.isEmpty()) {
            throw invalid("an entity_command needs the entities it acts on (target.entity_id)");
        }
        ObjectNode config = JSON.objectNode();
        config.put("domain", domain);
        config.put("service", service);
        config.putObject("target").set("entity_id", entityIds);
        config.set("data", cleanData);
        return config;
    }

    private static void addEntityIds(ArrayNode into, JsonNode value) {
        if (value.isTextual()) {
            add(into, value.asText());
        } else if (value.isArray()) {
            value.forEach(v -> {
                if (!v.isTextual()) {
                    throw invalid("entity ids must be strings");
                }
                add(into, v.asText());
            });
        } else if (!value.isMissingNode() && !value.isNull()) {
            throw invalid("entity_id must be a string or a list of strings");
        }
    }

    private static void add(ArrayNode into, String entityId) {
        if (!ENTITY_ID.matcher(entityId).matches()) {
            throw invalid("'" + entityId + "' is not an entity id");
        }
        for (JsonNode existing : into) {
            if (existing.asText().equals(entityId)) {
                return;
            }
        }
        into.add(entityId);
    }

    private static JsonNode requireServiceCall(ProposalContent content, String type) {
        JsonNode call = content.serviceCall();
        if (call == null || !call.isObject()) {
            throw invalid("a " + type + " proposal needs 'service_call' (an object)");
        }
        return call;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static InvalidProposalCommandException invalid(String message) {
        return new InvalidProposalCommandException(message);
    }
}
