package io.aether.domain.agent;

import io.aether.domain.WireValues;

/** The two versioned parts of an agent. */
public enum VersionKind {
    CONFIG,
    PROMPT;

    public String wire() {
        return WireValues.of(this);
    }
}
