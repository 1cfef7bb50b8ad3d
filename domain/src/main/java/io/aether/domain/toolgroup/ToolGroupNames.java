package io.aether.domain.toolgroup;

import java.util.regex.Pattern;

/** The rule for a tool group's name, which is also its identity. */
public final class ToolGroupNames {
    /** Lower case, starting with a letter: {@code ha_entity_query}. */
    public static final String PATTERN = "^[a-z][a-z0-9_]*$";

    public static final int MAX_LENGTH = 100;

    private static final Pattern NAME = Pattern.compile(PATTERN);
    /**
     * Tool groups and agents are both named by people, and Axon's event store keys an aggregate's
     * stream by its identifier alone: the prefix keeps a group named like an agent from sharing its
     * stream.
     */
    private static final String AGGREGATE_PREFIX = "tool-group:";

    private ToolGroupNames() {}

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** The aggregate identifier (event stream) of the group with this name. */
    public static String aggregateId(String name) {
        return AGGREGATE_PREFIX + name;
    }
}
