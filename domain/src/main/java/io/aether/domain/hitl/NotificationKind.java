package io.aether.domain.hitl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** What a sent notification was about: a new proposal, an insight, or one of the two HITL test endpoints. */
public enum NotificationKind {
    PROPOSAL,
    INSIGHT,
    TEST,
    TEST_APPROVAL;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static NotificationKind fromWire(String value) {
        return WireValues.parse(values(), value, "notification kind");
    }
}
