package io.aether.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The structural part of HA's automation validation ({@code automation/config.py} PLATFORM_SCHEMA
 * plus {@code cv.TRIGGER_SCHEMA} / {@code cv.SCRIPT_SCHEMA}), producing voluptuous' humanized
 * message for the first error: value errors in key order first, then missing required keys.
 * Per-platform trigger/condition/action checks (e.g. a state trigger's entity_id) are not modelled.
 */
final class AutomationConfigValidator {

    private static final String MODES = "['parallel', 'queued', 'restart', 'single']";
    private static final Set<String> MODE_VALUES = Set.of("parallel", "queued", "restart", "single");
    private static final Set<String> KEYS = Set.of(
            "id",
            "alias",
            "description",
            "trace",
            "initial_state",
            "triggers",
            "conditions",
            "variables",
            "trigger_variables",
            "actions",
            "mode",
            "max",
            "max_exceeded");
    /** The keys {@code cv.determine_script_action} recognises. */
    private static final Set<String> ACTION_KEYS = Set.of(
            "delay",
            "wait_template",
            "condition",
            "and",
            "or",
            "not",
            "event",
            "device_id",
            "scene",
            "repeat",
            "choose",
            "wait_for_trigger",
            "variables",
            "if",
            "action",
            "service",
            "service_template",
            "stop",
            "parallel",
            "sequence",
            "set_conversation_response");
    /** {@code _backward_compat_schema}: legacy singular keys are renamed before the schema runs. */
    private static final Map<String, String> RENAMES =
            Map.of("trigger", "triggers", "condition", "conditions", "action", "actions");

    private AutomationConfigValidator() {}

    /** HA's error text (what follows "Message malformed: "), or empty when the config is valid. */
    static Optional<String> validate(JsonNode body) {
        return Optional.ofNullable(firstError(body));
    }

    private static String firstError(JsonNode body) {
        if (!body.isObject()) {
            return "expected a dictionary";
        }
        ObjectNode config = ((ObjectNode) body).deepCopy();
        for (String old : List.of("trigger", "condition", "action")) {
            String renamed = RENAMES.get(old);
            if (config.has(old)) {
                if (config.has(renamed)) {
                    return "Cannot specify both '" + old + "' and '" + renamed + "'. Please use '" + renamed
                            + "' only.";
                }
                config.set(renamed, config.remove(old)); // cv.renamed pops and re-adds: the key moves last
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String error = checkValue(field.getKey(), field.getValue());
            if (error != null) {
                return error;
            }
        }
        for (String required : List.of("triggers", "actions")) {
            if (!config.has(required)) {
                return "required key not provided @ data[" + repr(required) + "]";
            }
        }
        return null;
    }

    private static String checkValue(String key, JsonNode value) {
        String at = " @ data[" + repr(key) + "]";
        switch (key) {
            case "id":
                return value.isTextual() ? null : "expected str for dictionary value" + at;
            case "alias":
            case "description": // cv.string
                if (value.isNull()) {
                    return "string value is None for dictionary value" + at;
                }
                return value.isContainerNode() ? "value should be a string for dictionary value" + at : null;
            case "initial_state":
                return parseBoolean(value) != null
                        ? null
                        : "invalid boolean value " + pyStr(value) + " for dictionary value" + at;
            case "mode":
                return value.isTextual() && MODE_VALUES.contains(value.asText())
                        ? null
                        : "value must be one of " + MODES + " for dictionary value" + at;
            case "triggers":
                return checkTriggers(flattenTriggers(ensureList(value)), at);
            case "actions":
                return checkActions(ensureList(value), at);
            default:
                return KEYS.contains(key) ? null : "extra keys not allowed" + at;
        }
    }

    private static String checkTriggers(List<JsonNode> triggers, String at) {
        for (int i = 0; i < triggers.size(); i++) {
            JsonNode trigger = triggers.get(i);
            String itemAt = at + "[" + i + "]";
            if (!trigger.isObject()) {
                return "expected dict for dictionary value" + itemAt;
            }
            boolean hasTrigger = trigger.has("trigger");
            boolean hasPlatform = trigger.has("platform");
            if (hasTrigger && hasPlatform) {
                return "Cannot specify both 'platform' and 'trigger'. Please use 'trigger' only." + itemAt;
            }
            if (!hasTrigger && !hasPlatform) {
                return "required key not provided" + itemAt + "['trigger']";
            }
        }
        return null;
    }

    private static String checkActions(List<JsonNode> actions, String at) {
        for (int i = 0; i < actions.size(); i++) {
            JsonNode action = actions.get(i);
            String itemAt = at + "[" + i + "]";
            if (!action.isObject()) {
                return "expected dictionary" + itemAt;
            }
            if (ACTION_KEYS.stream().noneMatch(action::has)) {
                return "Unable to determine action" + itemAt;
            }
        }
        return null;
    }

    /** {@code cv.boolean}: true/false, 1/0 and the strings HA accepts; null when none of those. */
    static Boolean parseBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        if (value.isTextual()) {
            switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "on", "enable":
                    return true;
                case "0", "false", "no", "off", "disable":
                    return false;
                default:
                    return null;
            }
        }
        return null;
    }

    /** Python's str() of a JSON value, close enough for error messages. */
    private static String pyStr(JsonNode value) {
        return value.isTextual() ? value.asText() : value.isNull() ? "None" : value.toString();
    }

    /** {@code cv.ensure_list}: null is an empty list, a single item becomes a list of one. */
    private static List<JsonNode> ensureList(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (!value.isNull()) {
            items.add(value);
        }
        return items;
    }

    /** {@code _base_trigger_list_flatten}: an item that is only {@code {"triggers": [...]}} is inlined. */
    private static List<JsonNode> flattenTriggers(List<JsonNode> triggers) {
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode trigger : triggers) {
            if (trigger.isObject() && trigger.size() == 1 && trigger.has("triggers")) {
                flat.addAll(ensureList(trigger.get("triggers")));
            } else {
                flat.add(trigger);
            }
        }
        return flat;
    }

    /** Python's repr() of a str, as voluptuous prints path keys. */
    static String repr(String s) {
        String escaped = s.replace("\\", "\\\\");
        if (s.contains("'") && !s.contains("\"")) {
            return "\"" + escaped + "\"";
        }
        return "'" + escaped.replace("'", "\\'") + "'";
    }
}
