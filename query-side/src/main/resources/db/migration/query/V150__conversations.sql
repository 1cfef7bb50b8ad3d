-- Read models behind /conversations and the chat endpoints (disposable: rebuilt by replaying the
-- conversation-list processor). Deleted conversations keep their row with status 'deleted' and
-- leave every list; their messages are removed.
CREATE TABLE conversation_list (
    id            UUID PRIMARY KEY,
    title         TEXT,
    agent_id      VARCHAR(100) NOT NULL,
    user_id       VARCHAR(255) NOT NULL,
    source        VARCHAR(40)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    message_count INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL
);
-- The list pages newest activity first, optionally by status.
CREATE INDEX conversation_list_recent ON conversation_list (updated_at DESC, id);
CREATE INDEX conversation_list_status ON conversation_list (status, updated_at DESC, id);

CREATE TABLE conversation_message (
    id              UUID PRIMARY KEY,
    conversation_id UUID         NOT NULL,
    position        BIGINT       NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    content         TEXT         NOT NULL,
    trace_id        VARCHAR(64)  NOT NULL,
    agent           VARCHAR(100),
    tokens_used     BIGINT,
    latency_ms      BIGINT,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX conversation_message_order ON conversation_message (conversation_id, position);

-- One row per turn: where it went, the tools it called, how it ended. Feedback finds a trace here.
CREATE TABLE conversation_turn (
    trace_id        VARCHAR(64) PRIMARY KEY,
    conversation_id UUID         NOT NULL,
    agent           VARCHAR(100),
    status          VARCHAR(20)  NOT NULL,
    tool_calls      JSONB        NOT NULL DEFAULT '[]'::jsonb,
    failure         TEXT,
    started_at      TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ,
    version         BIGINT       NOT NULL
);
CREATE INDEX conversation_turn_conversation ON conversation_turn (conversation_id, started_at);

CREATE TABLE conversation_proposal (
    conversation_id UUID        NOT NULL,
    proposal_id     UUID        NOT NULL,
    trace_id        VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, proposal_id)
);
