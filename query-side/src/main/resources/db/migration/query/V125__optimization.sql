-- Read models behind /optimize (disposable: rebuilt by replaying the optimization-list processor).
-- version is the optimization job aggregate's version of the last event applied to the row.
CREATE TABLE optimization_job_list (
    job_id           UUID PRIMARY KEY,
    status           VARCHAR(20)  NOT NULL,
    analysis_types   JSONB        NOT NULL,
    hours            INTEGER      NOT NULL,
    insight_count    INTEGER      NOT NULL,
    suggestion_count INTEGER      NOT NULL,
    recommendations  JSONB        NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ,
    error            TEXT,
    version          INTEGER      NOT NULL
);
CREATE INDEX optimization_job_list_started ON optimization_job_list (started_at DESC, job_id);

CREATE TABLE optimization_suggestion (
    id                  UUID PRIMARY KEY,
    job_id              UUID          NOT NULL,
    position            INTEGER       NOT NULL,
    pattern             TEXT          NOT NULL,
    entities            JSONB         NOT NULL,
    proposed_trigger    VARCHAR(500)  NOT NULL,
    proposed_action     VARCHAR(500)  NOT NULL,
    confidence          DOUBLE PRECISION NOT NULL,
    source_insight_type VARCHAR(50)   NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    decided_at          TIMESTAMPTZ,
    proposal_id         UUID,
    automation          JSONB         NOT NULL,
    evidence            JSONB         NOT NULL,
    version             INTEGER       NOT NULL
);
CREATE INDEX optimization_suggestion_job ON optimization_suggestion (job_id, position);
CREATE INDEX optimization_suggestion_created ON optimization_suggestion (created_at DESC, job_id, position);
