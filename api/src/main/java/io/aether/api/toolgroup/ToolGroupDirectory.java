package io.aether.api.toolgroup;

import io.aether.domain.toolgroup.query.ToolGroupView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The tools of a group, in its order; empty when there is no such group. */
    public Optional<List<String>> toolNames(String name) {
        return name == null
                ? Optional.empty()
                : groups.find(name).map(ToolGroupView::content).map(c -> c.toolNames());
    }
}
