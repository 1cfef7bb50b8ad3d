package io.aether.domain.tool;

import static io.aether.domain.proposal.ProposalType.AUTOMATION;
import static io.aether.domain.proposal.ProposalType.DASHBOARD;
import static io.aether.domain.proposal.ProposalType.ENTITY_COMMAND;
import static io.aether.domain.proposal.ProposalType.HELPER;
import static io.aether.domain.proposal.ProposalType.SCENE;
import static io.aether.domain.proposal.ProposalType.SCRIPT;

import io.aether.domain.proposal.ProposalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every tool the agent runtime will offer, in code: the one list that names in agent configs and
 * tool groups are checked against. The order is stable (the order below: Home Assistant queries,
 * proposals, diagnostics, delegation, the rest).
 *
 * <p>Modelled on the original project's tool set, with one difference that is the point of
 * Aether: none of these tools changes Home Assistant. The original's mutation tools
 * ({@code control_entity}, {@code deploy_automation}, {@code create_script}, the helper tools, ...)
 * called Home Assistant directly behind an approval check; here the same names only create a
 * proposal of the matching type (see {@link ToolDefinition}), and a person approves and deploys
 * it. The original's {@code delete_automation} and {@code fire_event} are left out: no proposal
 * type can carry them yet.
 */
public final class ToolRegistry {

    private static final Map<String, ToolDefinition> TOOLS = index(tools());

    private ToolRegistry() {}

    /** All tools, in a stable order. */
    public static List<ToolDefinition> all() {
        return List.copyOf(TOOLS.values());
    }

    public static Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(name).map(TOOLS::get);
    }

    public static boolean isKnown(String name) {
        return name != null && TOOLS.containsKey(name);
    }

    /** The names of all tools, in the registry's order. */
    public static List<String> names() {
        return List.copyOf(TOOLS.keySet());
    }

    /** The given names that are not tools, in the given order (nulls count as unknown). */
    public static List<String> unknown(Iterable<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!isKnown(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static List<ToolDefinition> tools() {
        List<ToolDefinition> t = new ArrayList<>();

        // Home Assistant entities, from Aether's mirror of the home or live (group ha_entity_query).
        t.add(reading(
                "get_entity_state",
                "Tells the current state of one entity and its main attributes, read live from Home Assistant.",
                object(required("entity_id", string("The entity, e.g. light.kitchen")))));
        t.add(reading(
                "list_entities_by_domain",
                "Lists the entity ids of one domain (light, sensor, switch, ...), optionally only those in a"
                        + " given state.",
                object(
                        required("domain", string("The domain, e.g. light")),
                        optional("state_filter", string("Only entities in this state, e.g. on")))));
        t.add(reading(
                "search_entities",
                "Finds entities whose id or friendly name contains the given text.",
                object(required("query", string("Part of an entity id or name")))));
        t.add(reading(
                "get_domain_summary",
                "Counts the entities of one domain and how many are in each state.",
                object(required("domain", string("The domain, e.g. sensor")))));
        t.add(reading(
                "get_entity_history",
                "Summarises how an entity's state changed over the last hours: number of changes, the latest"
                        + " ones, and with detailed=true the share of each state and gaps in the data.",
                object(
                        required("entity_id", string("The entity")),
                        optional("hours", integer("How far back, 1 to 168 (default 24)", 1, 168)),
                        optional("detailed", bool("Include state shares and data gaps")))));

        // Automations and scripts (group ha_automation_query).
        t.add(reading(
                "list_automations",
                "Lists the automations Home Assistant runs, with their state (on or off).",
                object()));
        t.add(reading(
                "get_automation_config",
                "Shows the full configuration (triggers, conditions, actions) of one automation as YAML.",
                object(required("entity_id", string("The automation, e.g. automation.sunset_lights")))));
        t.add(reading(
                "get_script_config",
                "Shows the full configuration (sequence, fields) of one script as YAML.",
                object(required("entity_id", string("The script, e.g. script.movie_mode")))));

        // Live questions to Home Assistant that change nothing (group ha_live_query).
        t.add(reading(
                "render_template",
                "Evaluates a Home Assistant (Jinja) template against the live home and returns the text.",
                object(required("template", string("The template, e.g. {{ states('sun.sun') }}")))));
        t.add(reading(
                "get_ha_logs",
                "Returns the most recent lines of Home Assistant's error log.",
                object(optional("lines", integer("How many lines, 1 to 500 (default 100)", 1, 500)))));
        t.add(reading(
                "check_ha_config",
                "Asks Home Assistant to check its configuration files and reports whether they are valid.",
                object()));

        // Proposals: the only way anything reaches the home, each approved by a person (group ha_mutation).
        t.add(proposing(
                "control_entity",
                "Proposes turning an entity on or off, or toggling it. Nothing happens until a person approves"
                        + " the proposal.",
                object(
                        required("entity_id", string("The entity, e.g. light.hall")),
                        required("action", oneOf("What to do", "turn_on", "turn_off", "toggle")),
                        optional("reason", string("Why, shown to the person who approves"))),
                ENTITY_COMMAND));
        t.add(proposing(
                "deploy_automation",
                "Proposes a new or changed automation. A person reviews it and deploys it; this tool deploys"
                        + " nothing itself.",
                object(
                        required("alias", string("The automation's name")),
                        required("trigger", list("Home Assistant triggers")),
                        required("action", list("Home Assistant actions")),
                        optional("condition", list("Home Assistant conditions")),
                        optional("description", string("What it does and why")),
                        optional(
                                "mode", oneOf("Run mode (default single)", "single", "restart", "queued", "parallel"))),
                AUTOMATION));
        t.add(proposing(
                "create_script",
                "Proposes a reusable script (a sequence of actions) for a person to approve.",
                object(
                        required("alias", string("The script's name")),
                        required("sequence", list("Home Assistant actions, in order")),
                        optional("description", string("What it does")),
                        optional(
                                "mode", oneOf("Run mode (default single)", "single", "restart", "queued", "parallel"))),
                SCRIPT));
        t.add(proposing(
                "create_scene",
                "Proposes a scene: a set of entity states to restore together, for a person to approve.",
                object(
                        required("name", string("The scene's name")),
                        required("entities", map("Entity id to the state and attributes it should have"))),
                SCENE));
        t.add(proposing(
                "send_ha_notification",
                "Proposes sending a notification through one of Home Assistant's notify services.",
                object(
                        required("title", string("The title")),
                        required("message", string("The text")),
                        optional("target", string("The notify service, default notify.notify"))),
                ENTITY_COMMAND));
        t.add(helper(
                "create_input_boolean",
                "Proposes an on/off helper (input_boolean), such as a guest-mode switch.",
                optional("initial", bool("Initial state"))));
        t.add(helper(
                "create_input_number",
                "Proposes a number helper (input_number), such as a threshold automations can read.",
                required("min", number("Smallest value")),
                required("max", number("Largest value")),
                optional("initial", number("Initial value")),
                optional("step", number("Step (default 1)")),
                optional("unit_of_measurement", string("Unit, e.g. minutes"))));
        t.add(helper(
                "create_input_text",
                "Proposes a text helper (input_text).",
                optional("initial", string("Initial text")),
                optional("max", integer("Longest text allowed, 1 to 255", 1, 255))));
        t.add(helper(
                "create_input_select",
                "Proposes a drop-down helper (input_select) with fixed options.",
                required("options", stringList("The options")),
                optional("initial", string("The option selected at first"))));
        t.add(helper(
                "create_input_datetime",
                "Proposes a date and/or time helper (input_datetime).",
                optional("has_date", bool("Holds a date")),
                optional("has_time", bool("Holds a time"))));
        t.add(helper("create_input_button", "Proposes a button helper (input_button) automations can react to."));
        t.add(helper(
                "create_counter",
                "Proposes a counter helper.",
                optional("initial", integer("Initial value", null, null)),
                optional("step", integer("Step (default 1)", 1, null))));
        t.add(helper(
                "create_timer",
                "Proposes a timer helper.",
                optional("duration", string("Default duration, HH:MM:SS"))));
        t.add(proposing(
                "update_electricity_tariffs",
                "Proposes setting the day, night and peak electricity rates (in c/kWh) on the tariff helpers.",
                object(
                        required("day_rate", number("Day rate")),
                        required("night_rate", number("Night rate")),
                        required("peak_rate", number("Peak rate")),
                        optional("plan_name", string("The tariff plan's name"))),
                ENTITY_COMMAND));

        // Diagnostics (group diagnostics).
        t.add(reading(
                "analyze_error_log",
                "Groups the recent errors and warnings of Home Assistant's log by integration and explains the"
                        + " most frequent ones.",
                object(optional("lines", integer("How many log lines to read, 1 to 2000", 1, 2000)))));
        t.add(reading(
                "find_unavailable_entities",
                "Lists entities that are unavailable or unknown, optionally of one domain.",
                object(optional("domain", string("Only this domain")))));
        t.add(reading(
                "diagnose_entity",
                "Looks into one entity: its state, recent history, device and integration, and what may be"
                        + " wrong with it.",
                object(required("entity_id", string("The entity")))));
        t.add(reading(
                "check_integration_health",
                "Reports integrations whose entities are failing, or the health of one integration.",
                object(optional("integration", string("Only this integration, e.g. zha")))));
        t.add(reading(
                "validate_config",
                "Checks a piece of Home Assistant YAML (automation, script, scene) for errors without deploying"
                        + " it.",
                object(required("yaml_content", string("The YAML to check")))));

        // Asking other agents (group specialists).
        t.add(reading(
                "consult_energy_analyst",
                "Asks the energy analyst about consumption, costs and savings.",
                object(required("question", string("What to find out")), optional("hours", hoursBack()))));
        t.add(reading(
                "consult_behavioral_analyst",
                "Asks the behavioural analyst about routines and how the home is used.",
                object(required("question", string("What to find out")), optional("hours", hoursBack()))));
        t.add(reading(
                "consult_diagnostic_analyst",
                "Asks the diagnostic analyst about failing devices, gaps in data and integration problems.",
                object(required("question", string("What to find out")))));
        t.add(reading(
                "consult_dashboard_designer",
                "Asks the dashboard designer for a Lovelace dashboard design; the design comes back as text, and"
                        + " deploying it needs a proposal.",
                object(required("request", string("What the dashboard should show")))));
        t.add(reading(
                "consult_data_science_team",
                "Asks the data science team (energy, behavioural and diagnostic analysts) an analytical question;"
                        + " it picks the specialists and combines their findings.",
                object(
                        required("question", string("What to find out")),
                        optional("depth", oneOf("How thorough (default standard)", "quick", "standard", "deep")))));
        t.add(reading(
                "request_synthesis_review",
                "Asks for a second look that checks and reconciles the findings of several specialists.",
                object(required("findings", string("The findings to review")))));

        // Asking for approval directly (group approval).
        t.add(proposing(
                "seek_approval",
                "Submits any change to the home as a proposal for a person to review, approve and deploy: an"
                        + " entity command, an automation, a script, a scene, a dashboard or a helper.",
                object(
                        required(
                                "action_type",
                                oneOf(
                                        "What kind of change",
                                        "entity_command",
                                        "automation",
                                        "script",
                                        "scene",
                                        "dashboard",
                                        "helper")),
                        required("name", string("Short name of the change")),
                        required("description", string("What it does and why")),
                        optional("yaml_content", string("The change as Home Assistant YAML")),
                        optional("entity_id", string("For entity_command: the entity")),
                        optional("service_domain", string("For entity_command: the service domain, e.g. light")),
                        optional("service_action", string("For entity_command: the service, e.g. turn_on")),
                        optional("service_data", map("For entity_command: the service data")),
                        optional("trigger", list("For automation: triggers")),
                        optional("actions", list("For automation and script: actions")),
                        optional("conditions", list("For automation: conditions")),
                        optional(
                                "mode", oneOf("Run mode (default single)", "single", "restart", "queued", "parallel"))),
                EnumSet.allOf(ProposalType.class)));

        // Keeping Aether's mirror of the home current (group discovery).
        t.add(reading(
                "discover_entities",
                "Refreshes Aether's catalogue of the home's entities, devices and areas from Home Assistant and"
                        + " reports what changed.",
                object(optional("domain_filter", string("Only this domain")))));

        // Free-form analysis (group analysis).
        t.add(reading(
                "run_custom_analysis",
                "Runs an analysis of the home's history that no fixed tool covers (in the analysis sandbox, on"
                        + " copied data) and records what it finds as insights.",
                object(
                        required("question", string("What to analyse")),
                        optional("entity_ids", stringList("Entities to include (default: chosen by the question)")),
                        optional("hours", hoursBack()))));

        // Recurring analysis (group scheduling).
        t.add(reading(
                "create_insight_schedule",
                "Sets up a recurring analysis in Aether (for example a weekly energy report); it changes nothing"
                        + " in Home Assistant.",
                object(
                        required("name", string("The schedule's name")),
                        required("analysis_type", string("What to analyse, e.g. energy_optimization")),
                        required("cron", string("When, as a cron expression, e.g. 0 8 * * 1")),
                        optional("entity_ids", stringList("Entities to include")))));

        // The web (group web).
        t.add(reading(
                "web_search",
                "Searches the web, for documentation or device information, and returns the top results.",
                object(
                        required("query", string("What to search for")),
                        optional("max_results", integer("How many results, 1 to 10 (default 5)", 1, 10)))));

        // Reviewing existing configuration (group review).
        t.add(proposing(
                "review_config",
                "Reviews an existing automation, script, scene or dashboard and proposes an improved version for"
                        + " a person to approve.",
                object(
                        required("entity_id", string("What to review, e.g. automation.hall_light")),
                        optional("focus", string("What to look at, e.g. energy use or reliability"))),
                EnumSet.of(AUTOMATION, SCRIPT, SCENE, DASHBOARD)));
        return t;
    }

    private static ToolDefinition reading(String name, String description, Map<String, Object> parameters) {
        return ToolDefinition.reading(name, description, parameters);
    }

    private static ToolDefinition proposing(
            String name, String description, Map<String, Object> parameters, ProposalType type) {
        return ToolDefinition.proposing(name, description, parameters, EnumSet.of(type));
    }

    private static ToolDefinition proposing(
            String name, String description, Map<String, Object> parameters, Set<ProposalType> types) {
        return ToolDefinition.proposing(name, description, parameters, types);
    }

    /** A helper proposal: every helper has an id and a display name, plus its own settings. */
    private static ToolDefinition helper(String name, String description, Property... settings) {
        List<Property> properties = new ArrayList<>();
        properties.add(required("input_id", string("The helper's id, e.g. vacation_mode")));
        properties.add(required("name", string("The name shown in Home Assistant")));
        properties.addAll(List.of(settings));
        return proposing(
                name,
                description + " A person approves it before Home Assistant creates it.",
                object(properties.toArray(Property[]::new)),
                HELPER);
    }

    // A small JSON-schema vocabulary: enough for tool parameters, kept in insertion order.

    private record Property(String name, Map<String, Object> schema, boolean required) {}

    private static Property required(String name, Map<String, Object> schema) {
        return new Property(name, schema, true);
    }

    private static Property optional(String name, Map<String, Object> schema) {
        return new Property(name, schema, false);
    }

    private static Map<String, Object> object(Property... properties) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Property p : properties) {
            props.put(p.name(), p.schema());
            if (p.required()) {
                required.add(p.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Collections.unmodifiableMap(props));
        schema.put("required", List.copyOf(required));
        return Collections.unmodifiableMap(schema);
    }

    private static Map<String, Object> string(String description) {
        return schema("string", description);
    }

    private static Map<String, Object> number(String description) {
        return schema("number", description);
    }

    private static Map<String, Object> bool(String description) {
        return schema("boolean", description);
    }

    private static Map<String, Object> integer(String description, Integer minimum, Integer maximum) {
        Map<String, Object> schema = new LinkedHashMap<>(schema("integer", description));
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (maximum != null) {
            schema.put("maximum", maximum);
        }
        return Collections.unmodifiableMap(schema);
    }

    private static Map<String, Object> hoursBack() {
        return integer("Hours of history, 1 to 168 (default 24)", 1, 168);
    }

    private static Map<String, Object> oneOf(String description, String... values) {
        Map<String, Object> schema = new LinkedHashMap<>(schema("string", description));
        schema.put("enum", List.of(values));
        return Collections.unmodifiableMap(schema);
    }

    private static Map<String, Object> list(String description) {
        Map<String, Object> schema = new LinkedHashMap<>(schema("array", description));
        schema.put("items", Map.of("type", "object"));
        return Collections.unmodifiableMap(schema);
    }

    private static Map<String, Object> stringList(String description) {
        Map<String, Object> schema = new LinkedHashMap<>(schema("array", description));
        schema.put("items", Map.of("type", "string"));
        return Collections.unmodifiableMap(schema);
    }

    private static Map<String, Object> map(String description) {
        return schema("object", description);
    }

    private static Map<String, Object> schema(String type, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        schema.put("description", description);
        return Collections.unmodifiableMap(schema);
    }

    private static Map<String, ToolDefinition> index(List<ToolDefinition> tools) {
        Map<String, ToolDefinition> byName = new LinkedHashMap<>();
        for (ToolDefinition tool : tools) {
            if (byName.put(tool.name(), tool) != null) {
                throw new IllegalStateException("tool defined twice: " + tool.name());
            }
        }
        // An unmodifiable view keeps the insertion order (Map.copyOf would not).
        return Collections.unmodifiableMap(byName);
    }
}
