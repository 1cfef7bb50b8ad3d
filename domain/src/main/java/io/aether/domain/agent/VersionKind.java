package io.aether.domain.agent;

/** The two versioned parts of an agent. */
public enum VersionKind {
    CONFIG,
    PROMPT;

    public String wire() {
        return WireValues.of(this);
    }
}
