package io.aether.domain.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** What a proposal changes in Home Assistant; the wire value is the lower-case name. */
public enum ProposalType {
    AUTOMATION,
    ENTITY_COMMAND,
    SCRIPT,
    SCENE,
    DASHBOARD,
    HELPER;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    @JsonCreator
    public static ProposalType fromWire(String value) {
        return WireValues.parse(values(), value, "proposal type");
    }
}
