package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.proposal.AutomationConfig;
import io.aether.domain.proposal.DeploymentConfig;
import io.aether.domain.proposal.InvalidProposalCommandException;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalType;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns a create request (fields and/or YAML) into validated proposal content. */
@Component
public class ProposalDrafts {
    private static final Set<String> MODES = Set.of("single", "restart", "queued", "parallel");
    private final ProposalYaml yaml;

    public ProposalDrafts(ProposalYaml yaml) {
        this.yaml = yaml;
    }

    public ProposalContent content(ProposalRequests.Create request) {
        JsonNode parsed = request.yamlContent() == null || request.yamlContent().isBlank()
                ? null
                : yaml.parseMapping(request.yamlContent());
        ProposalType type = request.proposalType() != null ? request.proposalType() : detectType(parsed);
        String name = firstText(request.name(), parsed, "alias", "name");
        String description = firstText(request.description(), parsed, "description");
        JsonNode trigger = first(request.trigger(), parsed, "triggers", "trigger");
        JsonNode conditions = first(request.conditions(), parsed, "conditions", "condition");
        JsonNode actions = type == ProposalType.SCENE
                ? first(request.actions(), parsed, "entities")
                : first(request.actions(), parsed, type == ProposalType.SCRIPT ? "sequence" : "actions", "action");
        String mode = firstText(request.mode(), parsed, "mode");
        JsonNode serviceCall = request.serviceCall();
        JsonNode dashboardConfig = request.dashboardConfig();

        if (name == null || name.isBlank()) {
            throw ApiException.validation("name is required (give 'name', or 'alias' in yaml_content)");
        }
        if (name.length() > 255) {
            throw ApiException.validation("name must be at most 255 characters");
        }
        if (description != null && description.length() > 2000) {
            throw ApiException.validation("description must be at most 2000 characters");
        }
        if (mode == null) {
            mode = "single";
        } else if (!MODES.contains(mode)) {
            throw ApiException.validation("mode must be one of single, restart, queued, parallel");
        }
        requireStructure("trigger", trigger, false);
        requireStructure("actions", actions, false);
        requireStructure("conditions", conditions, true);
        requireObject("service_call", serviceCall);
        requireObject("dashboard_config", dashboardConfig);
        switch (type) {
            case AUTOMATION -> {
                if (trigger == null || actions == null) {
                    throw ApiException.validation("an automation needs 'trigger' and 'actions'");
                }
            }
            case SCRIPT -> {
                if (actions == null) {
                    throw ApiException.validation("a script needs 'actions' (or 'sequence' in yaml_content)");
                }
            }
            case ENTITY_COMMAND, HELPER -> {
                if (serviceCall == null) {
                    throw ApiException.validation("a " + type.wire() + " proposal needs 'service_call'");
                }
            }
            case DASHBOARD -> {
                if (dashboardConfig == null) {
                    throw ApiException.validation("a dashboard proposal needs 'dashboard_config'");
                }
            }
            default -> {}
        }
        ProposalContent content = new ProposalContent(
                type,
                name.strip(),
                description,
                trigger,
                conditions,
                actions,
                mode,
                serviceCall,
                dashboardConfig,
                request.conversationId(),
                null);
        try {
            // The config a deployment will send: a payload its type cannot deploy is refused now.
            DeploymentConfig.build(content, AutomationConfig.haAutomationId(UUID.randomUUID()));
        } catch (InvalidProposalCommandException e) {
            throw ApiException.validation(e.getMessage());
        }
        return content;
    }

    private static ProposalType detectType(JsonNode parsed) {
        if (parsed != null && parsed.has("sequence")) {
            return ProposalType.SCRIPT;
        }
        if (parsed != null && parsed.has("entities") && !parsed.has("triggers") && !parsed.has("trigger")) {
            return ProposalType.SCENE;
        }
        return ProposalType.AUTOMATION;
    }

    private static JsonNode first(JsonNode explicit, JsonNode parsed, String... keys) {
        if (explicit != null && !explicit.isNull()) {
            return explicit;
        }
        if (parsed != null) {
            for (String key : keys) {
                if (parsed.hasNonNull(key)) {
                    return parsed.get(key);
                }
            }
        }
        return null;
    }

    private static String firstText(String explicit, JsonNode parsed, String... keys) {
        if (explicit != null) {
            return explicit;
        }
        JsonNode node = first(null, parsed, keys);
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            throw ApiException.validation("'" + keys[0] + "' in yaml_content must be a plain value");
        }
        return node.asText();
    }

    private static void requireStructure(String field, JsonNode node, boolean nullable) {
        if (node == null || (nullable && node.isNull())) {
            return;
        }
        if (!node.isObject() && !node.isArray()) {
            throw ApiException.validation("'" + field + "' must be an object or a list");
        }
    }

    private static void requireObject(String field, JsonNode node) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw ApiException.validation("'" + field + "' must be an object");
        }
    }
}
