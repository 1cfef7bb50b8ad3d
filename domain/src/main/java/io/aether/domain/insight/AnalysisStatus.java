package io.aether.domain.insight;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** Where an analysis job is: running until its outcome is recorded, then completed or failed. */
public enum AnalysisStatus {
    RUNNING,
    COMPLETED,
    FAILED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }
}
