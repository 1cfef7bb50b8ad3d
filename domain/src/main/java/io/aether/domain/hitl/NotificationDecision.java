package io.aether.domain.hitl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** The button a person pressed on an actionable notification ({@code APPROVE_<id>}, {@code REJECT_<id>}, {@code DISMISS_<id>}). */
public enum NotificationDecision {
    APPROVE,
    REJECT,
    DISMISS;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static NotificationDecision fromWire(String value) {
        return WireValues.parse(values(), value, "notification action");
    }
}
