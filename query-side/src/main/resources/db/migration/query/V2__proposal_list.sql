-- Read model behind GET /proposals (disposable: rebuilt by replaying the proposal-list processor).
-- JSON, not JSONB: Home Assistant structures keep their key order as the author wrote them.
CREATE TABLE proposal_list (
    id               UUID         PRIMARY KEY,
    proposal_type    VARCHAR(50)  NOT NULL,
    conversation_id  VARCHAR(255),
    name             VARCHAR(255) NOT NULL,
    description      TEXT,
    trigger          JSON,
    conditions       JSON,
    actions          JSON,
    mode             VARCHAR(20),
    service_call     JSON,
    dashboard_config JSON,
    status           VARCHAR(20)  NOT NULL,
    ha_automation_id VARCHAR(255),
    proposed_at      TIMESTAMPTZ,
    approved_at      TIMESTAMPTZ,
    approved_by      VARCHAR(255),
    deployed_at      TIMESTAMPTZ,
    rolled_back_at   TIMESTAMPTZ,
    rejection_reason TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          INTEGER      NOT NULL
);
-- Newest first with a stable tie-breaker, with and without a status filter.
CREATE INDEX proposal_list_created_idx ON proposal_list (created_at DESC, id DESC);
CREATE INDEX proposal_list_status_created_idx ON proposal_list (status, created_at DESC, id DESC);
