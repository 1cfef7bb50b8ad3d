package io.aether.domain.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle status of an agent; the wire value is the lower-case name. The original's
 * transitions: disabled → enabled; enabled → disabled | primary; primary → disabled | enabled.
 * At most one agent is primary at a time (see {@code AgentStatusHandler} on the command side).
 */
public enum AgentStatus {
    DISABLED,
    ENABLED,
    PRIMARY;

    private static final Map<AgentStatus, Set<AgentStatus>> ALLOWED = Map.of(
            DISABLED, Set.of(ENABLED),
            ENABLED, Set.of(DISABLED, PRIMARY),
            PRIMARY, Set.of(DISABLED, ENABLED));

    /** Whether an agent in this status may change to {@code next}. */
    public boolean canBecome(AgentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    /** Parses a wire value; throws {@link IllegalArgumentException} naming the allowed values. */
    @JsonCreator
    public static AgentStatus fromWire(String value) {
        return WireValues.parse(values(), value, "agent status");
    }
}
