package io.aether.domain.toolgroup;

import io.aether.domain.tool.ToolRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a tool group valid; the aggregate checks it before recording anything (the API
 * checks the same first, to answer with field details).
 */
public final class ToolGroupRules {
    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;

    private ToolGroupRules() {}

    /** The problems of a name, none when it is valid. */
    public static List<String> nameProblems(String name) {
        return ToolGroupNames.isValid(name)
                ? List.of()
                : List.of("name must match " + ToolGroupNames.PATTERN + " and be at most " + ToolGroupNames.MAX_LENGTH
                        + " characters");
    }

    /** The problems of a list of tool names: empty, unknown or repeated names; none when it is valid. */
    public static List<String> toolNameProblems(List<String> toolNames) {
        if (toolNames == null || toolNames.isEmpty()) {
            return List.of("a tool group needs at least one tool");
        }
        List<String> problems = new ArrayList<>();
        List<String> unknown = ToolRegistry.unknown(toolNames);
        if (!unknown.isEmpty()) {
            problems.add("unknown tool names: "
                    + String.join(", ", unknown.stream().map(String::valueOf).toList()));
        }
        Set<String> seen = new HashSet<>();
        List<String> repeated = toolNames.stream()
                .filter(n -> n != null && !seen.add(n))
                .distinct()
                .toList();
        if (!repeated.isEmpty()) {
            problems.add("tool names listed more than once: " + String.join(", ", repeated));
        }
        return problems;
    }

    /** All problems of a group's content. */
    public static List<String> contentProblems(ToolGroupContent content) {
        List<String> problems = new ArrayList<>();
        if (content.displayName().isBlank() || content.displayName().length() > MAX_DISPLAY_NAME) {
            problems.add("display_name must be 1 to " + MAX_DISPLAY_NAME + " characters and not blank");
        }
        if (content.description() != null && content.description().length() > MAX_DESCRIPTION) {
            problems.add("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        problems.addAll(toolNameProblems(content.toolNames()));
        return problems;
    }
}
