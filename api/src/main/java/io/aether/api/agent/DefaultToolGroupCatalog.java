package io.aether.api.agent;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Temporary: the original's 12 default tool groups, accepted until the tool-groups store (issue 8,
 * built separately) replaces this component with its own {@link ToolGroupCatalog}.
 */
@Component
class DefaultToolGroupCatalog implements ToolGroupCatalog {
    static final Set<String> DEFAULT_GROUPS = Set.of(
            "ha_entity_query",
            "ha_automation_query",
            "ha_live_query",
            "ha_mutation",
            "diagnostics",
            "specialists",
            "approval",
            "discovery",
            "analysis",
            "scheduling",
            "web",
            "review");

    @Override
    public boolean exists(String name) {
        return name != null && DEFAULT_GROUPS.contains(name);
    }
}
