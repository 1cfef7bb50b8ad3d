package io.aether.domain.proposal;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** What a rollback does to Home Assistant; recorded in the rollback events. */
public enum RollbackAction {
    /** An earlier config is posted back. */
    RESTORED,
    /** Nothing existed at the target version, so the automation is removed. */
    DELETED,
    /** The automation is only turned off (strategy {@code disable}). */
    DISABLED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }
}
