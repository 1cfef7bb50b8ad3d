-- Read model behind GET /reports (disposable: rebuilt by replaying the report-list processor).
-- One row per analysis job; the report's id is the job's.
CREATE TABLE report_list (
    id            UUID         PRIMARY KEY,
    title         VARCHAR(200) NOT NULL,
    analysis_type VARCHAR(40)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    summary       TEXT,
    insight_ids   JSONB        NOT NULL,
    entity_ids    JSONB        NOT NULL,
    hours         INTEGER      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ,
    version       INTEGER      NOT NULL
);
CREATE INDEX report_list_newest ON report_list (created_at DESC, id DESC);
CREATE INDEX report_list_status_newest ON report_list (status, created_at DESC, id DESC);

-- Reports per status, moved in the same transaction, so totals read a few rows.
CREATE TABLE report_counts (
    status VARCHAR(20) PRIMARY KEY,
    n      BIGINT      NOT NULL
);
