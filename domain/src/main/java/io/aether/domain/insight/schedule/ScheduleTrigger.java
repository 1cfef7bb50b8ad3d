package io.aether.domain.insight.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** What starts a schedule's runs besides a person: a 5-field cron expression or a webhook event label. */
public enum ScheduleTrigger {
    CRON,
    WEBHOOK;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static ScheduleTrigger fromWire(String value) {
        return WireValues.parse(values(), value, "trigger type");
    }
}
