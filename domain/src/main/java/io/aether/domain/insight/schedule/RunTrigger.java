package io.aether.domain.insight.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/**
 * What started one run of a schedule: a person ({@code POST .../run}), the schedule's cron
 * expression, or a matching Home Assistant webhook ({@code POST /webhooks/ha}).
 */
public enum RunTrigger {
    MANUAL,
    CRON,
    WEBHOOK;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static RunTrigger fromWire(String value) {
        return WireValues.parse(values(), value, "run trigger");
    }
}
