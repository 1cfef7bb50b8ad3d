package io.aether.domain.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** Where an evaluation job is: running until every trace is scored, then completed, or failed. */
public enum EvaluationStatus {
    RUNNING,
    COMPLETED,
    FAILED;

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }
}
