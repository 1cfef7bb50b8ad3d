-- Read models of the llm-usage processor (disposable: rebuilt by replaying it), folded from
-- LlmCallRecorded alone.

-- One row per model call: GET /usage/conversation/{id} (by conversation) and
-- GET /models/performance (a time range, for averages and the p95 latency).
CREATE TABLE llm_call (
    call_id         UUID         PRIMARY KEY,
    conversation_id UUID,
    trace_id        VARCHAR(255),
    provider        VARCHAR(100),
    model           VARCHAR(255),
    agent_role      VARCHAR(100),
    request_type    VARCHAR(50),
    input_tokens    BIGINT       NOT NULL,
    output_tokens   BIGINT       NOT NULL,
    latency_ms      BIGINT       NOT NULL,
    -- null: the model's price was unknown when the call was made
    cost_usd        NUMERIC,
    error           TEXT,
    at              TIMESTAMPTZ  NOT NULL,
    actor_type      VARCHAR(50),
    actor_name      VARCHAR(255)
);
CREATE INDEX llm_call_at ON llm_call (at);
CREATE INDEX llm_call_role_at ON llm_call (agent_role, at);
CREATE INDEX llm_call_conversation ON llm_call (conversation_id) WHERE conversation_id IS NOT NULL;

-- The daily rollup behind /usage/summary, /usage/daily and /usage/models: one row per UTC day,
-- provider, model and agent role ('' for none), so a period reads at most a few rows per day
-- however many calls were made. cost_usd sums the priced calls; priced_calls says how many
-- there were (0: the cost is unknown, not zero).
CREATE TABLE llm_usage_daily (
    day            DATE         NOT NULL,
    provider       VARCHAR(100) NOT NULL,
    model          VARCHAR(255) NOT NULL,
    agent_role     VARCHAR(100) NOT NULL,
    calls          BIGINT       NOT NULL,
    input_tokens   BIGINT       NOT NULL,
    output_tokens  BIGINT       NOT NULL,
    latency_ms_sum BIGINT       NOT NULL,
    priced_calls   BIGINT       NOT NULL,
    cost_usd       NUMERIC      NOT NULL,
    PRIMARY KEY (day, provider, model, agent_role)
);
