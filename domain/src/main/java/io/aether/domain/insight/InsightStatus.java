package io.aether.domain.insight;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/**
 * Where an insight is in its review: generated, then reviewed, then acted upon or dismissed
 * (either also straight from generated). Acted upon and dismissed are final.
 */
public enum InsightStatus {
    GENERATED,
    REVIEWED,
    ACTED_UPON,
    DISMISSED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static InsightStatus fromWire(String value) {
        return WireValues.parse(values(), value, "insight status");
    }

    public boolean isFinal() {
        return this == ACTED_UPON || this == DISMISSED;
    }
}
