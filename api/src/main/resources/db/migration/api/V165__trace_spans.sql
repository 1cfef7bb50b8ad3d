-- Finished OpenTelemetry spans of the agents (chat turns: agent runs, routing, tool, Home Assistant
-- and model calls), written in batches by PostgresSpanExporter. Not events: a telemetry store
-- with a retention (aether.traces.retention, rows older than it are deleted by the scheduler's
-- trace-retention task). Content attributes are dropped before they get here unless
-- AETHER_TRACE_CONTENT=true (docs/observability.md).
CREATE TABLE trace_span (
    trace_id        CHAR(32)         NOT NULL,
    span_id         CHAR(16)         NOT NULL,
    parent_span_id  CHAR(16),
    name            TEXT             NOT NULL,
    -- OpenTelemetry span kind: internal, server, client, producer, consumer
    kind            VARCHAR(16)      NOT NULL,
    -- aether.span.type: turn, agent, routing, tool, ha, llm (null for spans of other code)
    span_type       VARCHAR(32),
    -- aether.agent.role
    agent           VARCHAR(100),
    start_time      TIMESTAMPTZ      NOT NULL,
    end_time        TIMESTAMPTZ      NOT NULL,
    duration_ms     DOUBLE PRECISION NOT NULL,
    -- unset, ok or error
    status          VARCHAR(16)      NOT NULL,
    status_message  TEXT,
    attributes      JSONB            NOT NULL DEFAULT '{}'::jsonb,
    conversation_id VARCHAR(64),
    PRIMARY KEY (trace_id, span_id)
);
-- Retention deletes by age.
CREATE INDEX trace_span_start ON trace_span (start_time);
-- The recent traces (diagnostics, evaluations): their root spans, newest first.
CREATE INDEX trace_span_roots ON trace_span (start_time DESC, trace_id) WHERE parent_span_id IS NULL;
