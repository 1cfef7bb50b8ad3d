package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.platform.error.ApiException;
import io.aether.command.proposal.AutomationGatewayException;
import io.aether.command.proposal.DeploymentTarget;
import io.aether.command.proposal.DeploymentTargets;
import io.aether.domain.ErrorKind;
import io.aether.domain.proposal.AutomationConfig;
import io.aether.domain.proposal.DeploymentConfig;
import io.aether.domain.proposal.InvalidProposalCommandException;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.query.ProposalHistory;
import io.aether.domain.proposal.query.ProposalHistoryEntry;
import io.aether.homeassistant.HomeAssistantException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The proposal helpers that look without changing: validate (the config a deployment would send,
 * checked structurally and against the entities HA has) and verify (what HA holds now against what
 * the latest deployment sent).
 */
@Service
public class ProposalChecks {
    private static final Pattern ENTITY_ID = Pattern.compile("\\b([a-z_][a-z0-9_]*\\.[a-z0-9_]+)\\b");
    private static final Set<String> NOT_ENTITY_DOMAINS =
            Set.of("trigger", "states", "state_attr", "is_state", "now", "this", "input", "data");

    private final ProposalService proposals;
    private final DeploymentTargets targets;
    private final HomeAssistantConnection homeAssistant;
    private final ObjectMapper mapper;

    public ProposalChecks(
            ProposalService proposals,
            DeploymentTargets targets,
            HomeAssistantConnection homeAssistant,
            ObjectMapper mapper) {
        this.proposals = proposals;
        this.targets = targets;
        this.homeAssistant = homeAssistant;
        this.mapper = mapper;
    }

    /** One finding: where (a JSON path into the config), what, and how bad (error or warning). */
    public record Finding(String path, String message, String severity) {}

    public record Validation(boolean valid, List<Finding> errors, List<Finding> warnings) {}

    public Validation validate(UUID id) {
        ProposalView view = proposals.get(id);
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        JsonNode config;
        try {
            config = DeploymentConfig.build(contentOf(view), AutomationConfig.haAutomationId(id));
        } catch (InvalidProposalCommandException e) {
            errors.add(new Finding("", e.getMessage(), "error"));
            return new Validation(false, errors, warnings);
        }
        structure(view.proposalType(), config, errors);
        entities(config, warnings);
        return new Validation(errors.isEmpty(), errors, warnings);
    }

    /** The checks HA's own schema would fail on first. */
    private static void structure(ProposalType type, JsonNode config, List<Finding> errors) {
        if (type == ProposalType.AUTOMATION) {
            requireItems(config, "triggers", errors, "trigger", "platform");
            requireItems(config, "actions", errors);
        } else if (type == ProposalType.SCRIPT) {
            requireItems(config, "sequence", errors);
        }
    }

    private static void requireItems(JsonNode config, String key, List<Finding> errors, String... oneOf) {
        JsonNode items = config.path(key);
        if (!items.isArray() || items.isEmpty()) {
            errors.add(new Finding(key, "at least one item is required", "error"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                errors.add(new Finding(key + "[" + i + "]", "expected a mapping", "error"));
                continue;
            }
            if (oneOf.length > 0 && Arrays.stream(oneOf).noneMatch(item::has)) {
                errors.add(new Finding(key + "[" + i + "]", "required key '" + oneOf[0] + "' is missing", "error"));
            }
        }
    }

    /** Every entity id the config names that HA does not have is a warning (HA would accept it). */
    private void entities(JsonNode config, List<Finding> warnings) {
        Map<String, String> referenced = new LinkedHashMap<>();
        collect(config, "", referenced);
        if (referenced.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>();
        try {
            homeAssistant
                    .client()
                    .getStates()
                    .forEach(s -> known.add(s.path("entity_id").asText()));
        } catch (HomeAssistantException e) {
            warnings.add(new Finding(
                    "", "entities not checked: Home Assistant could not be asked (" + e.getMessage() + ")", "warning"));
            return;
        }
        referenced.forEach((entityId, path) -> {
            if (!known.contains(entityId)) {
                warnings.add(new Finding(path, "Home Assistant has no entity " + entityId, "warning"));
            }
        });
    }

    private static void collect(JsonNode node, String path, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getKey().equals("entity_id") || f.getKey().equals("entities")) {
                    entityValues(f.getValue(), child, into);
                } else {
                    collect(f.getValue(), child, into);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", into);
            }
        }
    }

    private static void entityValues(JsonNode value, String path, Map<String, String> into) {
        if (value.isTextual()) {
            Matcher m = ENTITY_ID.matcher(value.asText());
            while (m.find()) {
                String id = m.group(1);
                if (!NOT_ENTITY_DOMAINS.contains(id.substring(0, id.indexOf('.')))) {
                    into.putIfAbsent(id, path);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                entityValues(value.get(i), path + "[" + i + "]", into);
            }
        } else if (value.isObject()) {
            // a scene's entities: entity id -> state
            value.fieldNames().forEachRemaining(name -> {
                if (ENTITY_ID.matcher(name).matches()) {
                    into.putIfAbsent(name, path + "." + name);
                }
            });
        }
    }

    /**
     * Compares what HA holds now with what the latest deployment sent. HA unreachable is a 502; a
     * proposal that is not deployed answers verified=false with the reason.
     */
    public ObjectNode verify(UUID id) {
        ProposalView view = proposals.get(id);
        String haId = AutomationConfig.haAutomationId(id);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("verified", false);
        answer.put("proposal_id", id.toString());
        answer.put("ha_automation_id", haId);
        answer.put("proposal_type", view.proposalType().wire());
        if (view.status() != ProposalStatus.DEPLOYED && view.status() != ProposalStatus.DISABLED) {
            answer.put(
                    "reason",
                    "The proposal is not deployed (status '" + view.status().wire() + "')");
            return answer;
        }
        JsonNode deployed = lastDeployedConfig(proposals.history(id));
        answer.set("deployed_config", deployed);
        if (view.proposalType() == ProposalType.ENTITY_COMMAND) {
            answer.put("reason", "A service call leaves no config in Home Assistant to compare");
            return answer;
        }
        DeploymentTarget target = targets.of(view.proposalType());
        Optional<JsonNode> current;
        try {
            current = target.current(haId, deployed);
        } catch (AutomationGatewayException e) {
            throw new ApiException(ErrorKind.UPSTREAM, "home_assistant_error", e.getMessage());
        }
        answer.set("ha_config", current.orElse(null));
        List<String> differences = differences(deployed, current.orElse(null));
        ArrayNode diff = answer.putArray("differences");
        differences.forEach(diff::add);
        if (current.isEmpty()) {
            answer.put("reason", "Home Assistant no longer has it");
        } else if (!differences.isEmpty()) {
            answer.put("reason", "Home Assistant holds a different config than the one deployed");
        } else {
            answer.put("verified", true);
        }
        if (view.proposalType() == ProposalType.AUTOMATION) {
            automationState(haId, answer);
        }
        return answer;
    }

    /** The top-level keys whose value in HA differs from the deployed config (keys HA adds are ignored). */
    private static List<String> differences(JsonNode deployed, JsonNode current) {
        List<String> keys = new ArrayList<>();
        if (deployed == null || current == null) {
            return keys;
        }
        deployed.fieldNames().forEachRemaining(key -> {
            if (!deployed.get(key).equals(current.get(key))) {
                keys.add(key);
            }
        });
        return keys;
    }

    private void automationState(String haId, ObjectNode answer) {
        try {
            homeAssistant
                    .client()
                    .findAutomationEntityId(haId)
                    .flatMap(entityId -> homeAssistant.client().getState(entityId))
                    .ifPresent(state -> {
                        answer.put("entity_id", state.path("entity_id").asText());
                        answer.put("state", state.path("state").asText());
                        answer.put(
                                "friendly_name",
                                state.path("attributes").path("friendly_name").asText(null));
                        answer.set("last_triggered", state.path("attributes").path("last_triggered"));
                        if (!"on".equals(state.path("state").asText())) {
                            answer.put("verified", false);
                            answer.put(
                                    "reason",
                                    "The automation is " + state.path("state").asText() + " in Home Assistant");
                        }
                    });
        } catch (HomeAssistantException e) {
            throw new ApiException(ErrorKind.UPSTREAM, "home_assistant_error", "Home Assistant: " + e.getMessage());
        }
    }

    private static JsonNode lastDeployedConfig(ProposalHistory history) {
        JsonNode config = null;
        for (ProposalHistoryEntry entry : history.events()) {
            if (entry.type().equals("ProposalDeployed")) {
                config = entry.payload().get("deployed_config");
            }
        }
        return config;
    }

    static ProposalContent contentOf(ProposalView view) {
        return new ProposalContent(
                view.proposalType(),
                view.name(),
                view.description(),
                view.trigger(),
                view.conditions(),
                view.actions(),
                view.mode(),
                view.serviceCall(),
                view.dashboardConfig(),
                view.conversationId(),
                view.sourceInsightId());
    }
}
