package io.aether.api.agent;

import io.aether.domain.agent.AgentProfile;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.PromptContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The original's 13 agents for {@code POST /agents/seed}: profile, first config and first prompt.
 * The prompts are Aether's own, in {@code agents/prompts/<name>.md}. The tool names are checked
 * against the tool registry like any config; the groups are the default tool groups.
 */
@Component
public class AgentSeed {
    /** The model a seeded config names until someone switches it. */
    static final String DEFAULT_MODEL = "gpt-4o-mini";

    record Definition(String name, AgentProfile profile, ConfigContent config, PromptContent prompt) {}

    private static final List<String> READ_TOOLS =
            List.of("get_entity_state", "list_entities_by_domain", "search_entities", "list_automations");
    private static final List<String> PROPOSING_TOOLS = List.of(
            "get_entity_state", "list_entities_by_domain", "search_entities", "list_automations", "seek_approval");

    private final List<Definition> definitions = List.of(
            agent(
                    "librarian",
                    "Keeps the inventory of entities, devices and areas",
                    "inventory",
                    true,
                    0.2,
                    READ_TOOLS,
                    List.of("ha_entity_query", "discovery"),
                    List.of("what devices", "where is", "list entities"),
                    List.of("inventory", "discovery")),
            agent(
                    "categorizer",
                    "Sorts entities and devices into rooms and purposes",
                    "inventory",
                    false,
                    0.2,
                    READ_TOOLS,
                    List.of("ha_entity_query", "discovery"),
                    List.of(),
                    List.of("categorization")),
            agent(
                    "architect",
                    "Designs automations, scripts and scenes with the people of the home",
                    "home",
                    true,
                    0.7,
                    PROPOSING_TOOLS,
                    List.of("ha_entity_query", "ha_automation_query", "ha_live_query", "approval", "specialists"),
                    List.of("automate", "create automation", "when", "turn on"),
                    List.of("automation_design", "proposals")),
            agent(
                    "developer",
                    "Turns approved designs into valid Home Assistant configuration",
                    "home",
                    false,
                    0.2,
                    PROPOSING_TOOLS,
                    List.of("ha_entity_query", "ha_automation_query", "approval"),
                    List.of(),
                    List.of("configuration")),
            agent(
                    "data_scientist",
                    "Analyses the home's history and reports insights",
                    "analytics",
                    true,
                    0.3,
                    READ_TOOLS,
                    List.of("ha_entity_query", "analysis", "diagnostics"),
                    List.of("analyse", "trend", "statistics"),
                    List.of("analysis", "insights")),
            agent(
                    "orchestrator",
                    "Routes each request to the agent best suited for it",
                    "routing",
                    false,
                    0.1,
                    List.of(),
                    List.of("specialists"),
                    List.of(),
                    List.of("routing")),
            agent(
                    "knowledge",
                    "Answers general questions about Home Assistant and the home",
                    "knowledge",
                    true,
                    0.5,
                    READ_TOOLS,
                    List.of("ha_entity_query", "web"),
                    List.of("how does", "what is", "explain"),
                    List.of("question_answering")),
            agent(
                    "dashboard_designer",
                    "Designs Home Assistant dashboards",
                    "dashboards",
                    true,
                    0.5,
                    PROPOSING_TOOLS,
                    List.of("ha_entity_query", "approval"),
                    List.of("dashboard", "card", "view"),
                    List.of("dashboard_design")),
            agent(
                    "energy_analyst",
                    "Studies energy use and suggests savings",
                    "energy",
                    true,
                    0.3,
                    READ_TOOLS,
                    List.of("ha_entity_query", "analysis"),
                    List.of("energy", "power", "consumption", "solar"),
                    List.of("energy_analysis")),
            agent(
                    "behavioral_analyst",
                    "Finds routines that automations could support",
                    "behaviour",
                    true,
                    0.3,
                    READ_TOOLS,
                    List.of("ha_entity_query", "analysis"),
                    List.of("routine", "pattern", "habit"),
                    List.of("behaviour_analysis")),
            agent(
                    "diagnostic_analyst",
                    "Finds unavailable entities, failing integrations and broken automations",
                    "diagnostics",
                    true,
                    0.2,
                    READ_TOOLS,
                    List.of("ha_entity_query", "ha_automation_query", "diagnostics"),
                    List.of("not working", "unavailable", "error", "broken"),
                    List.of("diagnostics")),
            agent(
                    "food",
                    "Helps with meals, recipes and kitchen routines",
                    "food",
                    true,
                    0.7,
                    READ_TOOLS,
                    List.of("ha_entity_query", "web"),
                    List.of("recipe", "cook", "meal"),
                    List.of("cooking")),
            agent(
                    "research",
                    "Gathers background information for the other agents",
                    "research",
                    true,
                    0.4,
                    List.of(),
                    List.of("web", "review"),
                    List.of("research", "compare", "find out"),
                    List.of("research")));

    List<Definition> definitions() {
        return definitions;
    }

    private static Definition agent(
            String name,
            String description,
            String domain,
            boolean routable,
            double temperature,
            List<String> tools,
            List<String> groups,
            List<String> intents,
            List<String> capabilities) {
        return new Definition(
                name,
                new AgentProfile(description, domain, routable, intents, capabilities),
                new ConfigContent(DEFAULT_MODEL, temperature, null, tools, groups),
                new PromptContent(prompt(name)));
    }

    private static String prompt(String name) {
        String path = "/agents/prompts/" + name + ".md";
        try (InputStream in = AgentSeed.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing default prompt " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
