package io.aether.domain.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** Lifecycle status of a proposal; the wire value is the lower-case name. */
public enum ProposalStatus {
    DRAFT,
    PROPOSED,
    APPROVED,
    REJECTED,
    DEPLOYED,
    ROLLED_BACK,
    ARCHIVED,
    DISABLED,
    DEPRECATED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    /** Parses a wire value; throws {@link IllegalArgumentException} naming the allowed values. */
    @JsonCreator
    public static ProposalStatus fromWire(String value) {
        return WireValues.parse(values(), value, "proposal status");
    }
}
