-- Read model behind GET /insight-schedules (disposable: rebuilt by replaying the
-- insight-schedule-list processor). A deleted schedule has no row; its history stays in the event store.
CREATE TABLE insight_schedule_list (
    id                 UUID PRIMARY KEY,
    name               VARCHAR(255) NOT NULL,
    enabled            BOOLEAN      NOT NULL,
    analysis_type      VARCHAR(50)  NOT NULL,
    trigger_type       VARCHAR(20)  NOT NULL,
    entity_ids         JSONB,
    hours              INTEGER      NOT NULL,
    options            JSONB        NOT NULL,
    cron_expression    VARCHAR(100),
    webhook_event      VARCHAR(255),
    webhook_filter     JSONB,
    run_count          INTEGER      NOT NULL DEFAULT 0,
    last_run_at        TIMESTAMPTZ,
    last_job_id        UUID,
    last_result        VARCHAR(20),
    last_error         TEXT,
    last_insight_count INTEGER,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            INTEGER      NOT NULL
);
CREATE INDEX insight_schedule_list_oldest ON insight_schedule_list (created_at, id);
CREATE INDEX insight_schedule_list_trigger ON insight_schedule_list (trigger_type, enabled, created_at, id);

-- Which schedule started which analysis job, so the job's outcome reaches its schedule.
CREATE TABLE insight_schedule_job (
    job_id      UUID PRIMARY KEY,
    schedule_id UUID NOT NULL
);
