-- Read models of the evaluation-summary processor (disposable: rebuilt by replaying it), folded
-- from the evaluation job events.

-- One row per evaluation run: the latest completed one is the summary.
CREATE TABLE evaluation_run (
    job_id       UUID         PRIMARY KEY,
    status       VARCHAR(20)  NOT NULL,
    trace_count  INT          NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    completed_at TIMESTAMPTZ,
    error        TEXT
);
CREATE INDEX evaluation_run_completed ON evaluation_run (completed_at DESC, job_id) WHERE status = 'completed';

-- One row per run, trace and scorer; passed null: the scorer could not score the trace.
CREATE TABLE evaluation_score (
    job_id    UUID             NOT NULL,
    trace_id  CHAR(32)         NOT NULL,
    scorer    VARCHAR(64)      NOT NULL,
    passed    BOOLEAN,
    value     DOUBLE PRECISION,
    rationale TEXT,
    PRIMARY KEY (job_id, scorer, trace_id)
);
