package io.aether.domain.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** Status of a config or prompt version: a draft, the active one, or an archived earlier one. */
public enum VersionStatus {
    DRAFT,
    ACTIVE,
    ARCHIVED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static VersionStatus fromWire(String value) {
        return WireValues.parse(values(), value, "version status");
    }
}
