package io.aether.domain.hitl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** What a received notification action did: sent its command ({@code applied}), was refused by the target's state ({@code refused}), or answered a test approval ({@code test}, no command). */
public enum ActionOutcome {
    APPLIED,
    REFUSED,
    TEST;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static ActionOutcome fromWire(String value) {
        return WireValues.parse(values(), value, "action outcome");
    }
}
