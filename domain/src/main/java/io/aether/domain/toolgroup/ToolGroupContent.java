package io.aether.domain.toolgroup;

import java.util.List;
import java.util.Objects;

/**
 * What a tool group holds, in full: every create and update event carries all of it, so a
 * projection or a fold never needs an earlier event to know a group.
 *
 * @param displayName shown to people (1 to 200 characters)
 * @param description optional longer text
 * @param toolNames   the tools of the group, in the order given: at least one, each in the {@link
 *                    io.aether.domain.tool.ToolRegistry}
 * @param readOnly    the original's {@code is_read_only} label (true unless given); which tools change
 *                    anything is the registry's business, and no tool changes Home Assistant
 */
public record ToolGroupContent(String displayName, String description, List<String> toolNames, boolean readOnly) {

    public ToolGroupContent {
        Objects.requireNonNull(displayName, "displayName");
        toolNames = List.copyOf(toolNames);
    }
}
