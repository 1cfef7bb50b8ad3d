package io.aether.api.workflow;

import java.util.List;

/** The original's workflow presets for the chat UI: which agents take part in which kind of task. */
final class WorkflowPresets {
    private WorkflowPresets() {}

    record Preset(String id, String name, String description, List<String> agents, String workflowKey, String icon) {}

    static final List<Preset> ALL = List.of(
            new Preset(
                    "full-analysis",
                    "Full Analysis",
                    "Energy, behaviour and diagnostic analysts look at the home together",
                    List.of("energy_analyst", "behavioral_analyst", "diagnostic_analyst"),
                    "team_analysis",
                    "microscope"),
            new Preset(
                    "energy-only",
                    "Energy Only",
                    "The energy analyst looks at consumption and waste",
                    List.of("energy_analyst"),
                    "team_analysis",
                    "zap"),
            new Preset(
                    "quick-diagnostic",
                    "Quick Diagnostic",
                    "The diagnostic analyst checks devices and integrations for problems",
                    List.of("diagnostic_analyst"),
                    "team_analysis",
                    "stethoscope"),
            new Preset(
                    "dashboard-design",
                    "Dashboard Design",
                    "The dashboard designer builds a Lovelace dashboard with help from the analysts",
                    List.of("dashboard_designer", "energy_analyst", "behavioral_analyst"),
                    "dashboard",
                    "layout-dashboard"),
            new Preset(
                    "conversation",
                    "Conversation",
                    "Talk with the architect about the home; changes come as proposals to approve",
                    List.of("architect"),
                    "conversation",
                    "message-circle"));
}
