package io.aether.agents.trace;

import java.util.Locale;

/** What a span of a chat turn stands for; its wire value is the {@code type} of the trace tree's nodes. */
public enum SpanType {
    TURN,
    AGENT,
    ROUTING,
    TOOL,
    HA,
    LLM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
