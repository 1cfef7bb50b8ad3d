package io.aether.domain.optimization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** A suggestion is pending until someone accepts or rejects it; both are final. */
public enum SuggestionStatus {
    PENDING,
    ACCEPTED,
    REJECTED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static SuggestionStatus fromWire(String value) {
        return WireValues.parse(values(), value, "suggestion status");
    }
}
