package io.aether.api.toolgroup;

import io.aether.domain.tool.ToolDefinition;
import io.aether.domain.tool.ToolRegistry;
import io.aether.domain.toolgroup.query.ToolGroupView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which tool groups exist, for validating what other features refer to (an agent config's
 * {@code tool_groups_enabled}) and for expanding a group into its tools. Always current: it asks
 * {@link io.aether.domain.toolgroup.query.FindToolGroup}, which folds the group's events.
 */
@Component
public class ToolGroupDirectory {
    private final ToolGroupService groups;

    public ToolGroupDirectory(ToolGroupService groups) {
        this.groups = groups;
    }

    public boolean exists(String name) {
        return name != null && groups.find(name).isPresent();
    }

    /** The given names that are not tool groups, in the given order (nulls count as unknown). */
    public List<String> unknown(Iterable<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!exists(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /**
     * The tools an agent config enables: its own tool names plus the tools of its groups, each
     * once, in the registry's order. Names that are not tools and groups that do not exist are
     * left out (configs are validated when they are written).
     */
    public List<ToolDefinition> resolve(Collection<String> toolNames, Collection<String> groupNames) {
        Set<String> wanted = new HashSet<>(toolNames == null ? List.of() : toolNames);
        for (String group : groupNames == null ? List.<String>of() : groupNames) {
            toolNames(group).ifPresent(wanted::addAll);
        }
        return ToolRegistry.all().stream()
                .filter(t -> wanted.contains(t.name()))
                .toList();
    }

    /** The tools of a group, in its order; empty when there is no such group. */
    public Optional<List<String>> toolNames(String name) {
        return name == null
                ? Optional.empty()
                : groups.find(name).map(ToolGroupView::content).map(c -> c.toolNames());
    }
}
