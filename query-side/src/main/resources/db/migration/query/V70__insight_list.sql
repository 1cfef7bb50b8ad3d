-- Read models behind GET /insights and /insights/summary (disposable: rebuilt by replaying the
-- insight-list processor). A deleted insight has no row; its history stays in the event store.
CREATE TABLE insight_list (
    id              UUID PRIMARY KEY,
    type            VARCHAR(40)      NOT NULL,
    title           VARCHAR(500)     NOT NULL,
    description     TEXT             NOT NULL,
    evidence        JSONB            NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    impact          VARCHAR(20)      NOT NULL,
    entities        JSONB            NOT NULL,
    script_path     VARCHAR(500),
    script_output   JSONB,
    mlflow_run_id   VARCHAR(100),
    conversation_id VARCHAR(255),
    task_label      VARCHAR(255),
    status          VARCHAR(20)      NOT NULL,
    created_at      TIMESTAMPTZ      NOT NULL,
    reviewed_at     TIMESTAMPTZ,
    actioned_at     TIMESTAMPTZ,
    dismissed_at    TIMESTAMPTZ,
    proposal_id     UUID,
    version         INTEGER          NOT NULL
);
CREATE INDEX insight_list_newest ON insight_list (created_at DESC, id DESC);
CREATE INDEX insight_list_status_newest ON insight_list (status, created_at DESC, id DESC);
CREATE INDEX insight_list_type_newest ON insight_list (type, created_at DESC, id DESC);

-- How many insights there are per (type, status, impact): the summary and the lists' totals read
-- these few rows instead of counting the table.
CREATE TABLE insight_counts (
    type   VARCHAR(40) NOT NULL,
    status VARCHAR(20) NOT NULL,
    impact VARCHAR(20) NOT NULL,
    count  BIGINT      NOT NULL,
    PRIMARY KEY (type, status, impact)
);
