-- Read model behind GET /workflows/definitions (disposable: rebuilt by replaying the
-- workflow-definition-list processor). Archived definitions keep their row (GET by id shows them).
CREATE TABLE workflow_definition_list (
    id              UUID PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    state_type      VARCHAR(100)  NOT NULL,
    definition      JSONB         NOT NULL,
    intent_patterns JSONB         NOT NULL,
    definition_version INTEGER    NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_by      VARCHAR(255),
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL
);
CREATE INDEX workflow_definition_list_live ON workflow_definition_list (status, name, id);
