package io.aether.domain.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a proposal changes in Home Assistant; the wire value is the lower-case name. */
public enum ProposalType {
    AUTOMATION, ENTITY_COMMAND, SCRIPT, SCENE, DASHBOARD, HELPER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProposalType fromWire(String value) {
        return Arrays.stream(values())
                .filter(t -> t.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown proposal type '" + value + "'; allowed: " + WireValues.of(values())));
    }
}
