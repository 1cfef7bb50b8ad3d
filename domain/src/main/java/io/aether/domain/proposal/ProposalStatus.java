package io.aether.domain.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Lifecycle status of a proposal; the wire value is the lower-case name. */
public enum ProposalStatus {
    DRAFT, PROPOSED, APPROVED, REJECTED, DEPLOYED, ROLLED_BACK, ARCHIVED, DISABLED, DEPRECATED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value; throws {@link IllegalArgumentException} naming the allowed values. */
    @JsonCreator
    public static ProposalStatus fromWire(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown proposal status '" + value + "'; allowed: " + WireValues.of(values())));
    }
}
