-- Read models of the agent-feedback processor (disposable: rebuilt by replaying it).

-- GET /models/ratings: one row per rating, newest first, with or without filters.
CREATE TABLE model_rating_list (
    id              UUID         PRIMARY KEY,
    model_name      VARCHAR(255) NOT NULL,
    agent_role      VARCHAR(50)  NOT NULL,
    rating          SMALLINT     NOT NULL,
    notes           TEXT,
    config_snapshot JSONB,
    rated_by        VARCHAR(255),
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX model_rating_list_newest ON model_rating_list (created_at DESC, id DESC);
CREATE INDEX model_rating_list_model ON model_rating_list (model_name, created_at DESC, id DESC);
CREATE INDEX model_rating_list_role ON model_rating_list (agent_role, created_at DESC, id DESC);

-- GET /models/summary, and the totals of GET /models/ratings: one row per model and role, so
-- neither counts ratings one by one.
CREATE TABLE model_rating_summary (
    model_name    VARCHAR(255) NOT NULL,
    agent_role    VARCHAR(50)  NOT NULL,
    rating_sum    BIGINT       NOT NULL,
    rating_count  BIGINT       NOT NULL,
    latest_config JSONB,
    latest_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (model_name, agent_role)
);
CREATE INDEX model_rating_summary_role ON model_rating_summary (agent_role);

-- GET /flow-grades/{conversation_id}: the live grade of each conversation and span.
CREATE TABLE flow_grade_list (
    id              UUID         PRIMARY KEY,
    conversation_id VARCHAR(255) NOT NULL,
    span_id         VARCHAR(255),
    grade           SMALLINT     NOT NULL,
    comment         TEXT,
    agent_role      VARCHAR(50),
    trace_id        VARCHAR(255),
    created_at      TIMESTAMPTZ  NOT NULL,
    version         INTEGER      NOT NULL
);
CREATE INDEX flow_grade_list_conversation ON flow_grade_list (conversation_id, span_id NULLS FIRST);
