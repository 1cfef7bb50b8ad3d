package io.aether.domain.insight.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** What started one run of a schedule: a person ({@code POST .../run}) or the schedule's cron expression. */
public enum RunTrigger {
    MANUAL,
    CRON;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static RunTrigger fromWire(String value) {
        return WireValues.parse(values(), value, "run trigger");
    }
}
