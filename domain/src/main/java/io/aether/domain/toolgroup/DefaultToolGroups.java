package io.aether.domain.toolgroup;

import java.util.List;

/**
 * The twelve tool groups every installation starts with (the original's seed), in a stable
 * order. Aether creates those that are missing at start-up; after that they are ordinary groups
 * that people may change.
 */
public final class DefaultToolGroups {

    /** One default group: its name and content. */
    public record DefaultToolGroup(String name, ToolGroupContent content) {}

    public static final List<DefaultToolGroup> ALL = List.of(
            group(
                    "ha_entity_query",
                    "HA Entity Queries",
                    "Read entity states, list and search entities, and summarise a domain.",
                    true,
                    "get_entity_state",
                    "list_entities_by_domain",
                    "search_entities",
                    "get_domain_summary"),
            group(
                    "ha_automation_query",
                    "HA Automation Queries",
                    "List automations and read the configuration of automations and scripts.",
                    true,
                    "list_automations",
                    "get_automation_config",
                    "get_script_config"),
            group(
                    "ha_live_query",
                    "HA Live Queries",
                    "Ask the running Home Assistant: render a template, read its log, check its configuration.",
                    true,
                    "render_template",
                    "get_ha_logs",
                    "check_ha_config"),
            group(
                    "ha_mutation",
                    "HA Mutations",
                    "Propose changes to the home (entity commands, automations, scripts, scenes, notifications,"
                            + " helpers). Each becomes a proposal a person approves; none changes Home Assistant"
                            + " by itself.",
                    false,
                    "control_entity",
                    "deploy_automation",
                    "create_script",
                    "create_scene",
                    "send_ha_notification",
                    "create_input_boolean",
                    "create_input_number",
                    "create_input_text",
                    "create_input_select",
                    "create_input_datetime",
                    "create_input_button",
                    "create_counter",
                    "create_timer"),
            group(
                    "diagnostics",
                    "Diagnostic Tools",
                    "Find what is wrong: error log analysis, unavailable entities, entity and integration health,"
                            + " configuration checks.",
                    true,
                    "analyze_error_log",
                    "find_unavailable_entities",
                    "diagnose_entity",
                    "check_integration_health",
                    "validate_config"),
            group(
                    "specialists",
                    "Specialist Delegation",
                    "Ask the specialist agents and the data science team.",
                    true,
                    "consult_energy_analyst",
                    "consult_behavioral_analyst",
                    "consult_diagnostic_analyst",
                    "consult_dashboard_designer",
                    "consult_data_science_team",
                    "request_synthesis_review"),
            group("approval", "HITL Approval", "Submit a change for a person's approval.", true, "seek_approval"),
            group(
                    "discovery",
                    "Entity Discovery",
                    "Refresh Aether's catalogue of entities, devices and areas.",
                    true,
                    "discover_entities"),
            group(
                    "analysis",
                    "Custom Analysis",
                    "Free-form analysis of the home's history in the analysis sandbox.",
                    false,
                    "run_custom_analysis"),
            group("scheduling", "Insight Scheduling", "Set up recurring analyses.", true, "create_insight_schedule"),
            group("web", "Web Search", "Search the web.", true, "web_search"),
            group(
                    "review",
                    "Config Review",
                    "Review existing configuration and propose improvements.",
                    true,
                    "review_config"));

    private DefaultToolGroups() {}

    private static DefaultToolGroup group(
            String name, String displayName, String description, boolean readOnly, String... tools) {
        return new DefaultToolGroup(name, new ToolGroupContent(displayName, description, List.of(tools), readOnly));
    }
}
