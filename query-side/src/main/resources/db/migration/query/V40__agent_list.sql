-- Read models behind GET /agents, /agents/available, /agents/{name} and the version lists
-- (disposable: rebuilt by replaying the agent-list processor). agent_list.version is the agent's
-- event count the rows reflect: the projection's guard for both tables.
CREATE TABLE agent_list (
    name                     VARCHAR(255) PRIMARY KEY,
    agent_id                 UUID         NOT NULL,
    description              TEXT,
    semver                   VARCHAR(50)  NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    domain                   VARCHAR(255),
    is_routable              BOOLEAN      NOT NULL,
    intent_patterns          JSON         NOT NULL,
    capabilities             JSON         NOT NULL,
    active_config_version_id UUID,
    active_prompt_version_id UUID,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  INTEGER      NOT NULL
);

CREATE TABLE agent_version (
    id                  UUID         PRIMARY KEY,
    agent_name          VARCHAR(255) NOT NULL,
    kind                VARCHAR(10)  NOT NULL,
    version_number      INTEGER      NOT NULL,
    semver              VARCHAR(50),
    status              VARCHAR(20)  NOT NULL,
    model_name          VARCHAR(255),
    temperature         DOUBLE PRECISION,
    fallback_model      VARCHAR(255),
    tools_enabled       JSON,
    tool_groups_enabled JSON,
    prompt_template     TEXT,
    change_summary      TEXT,
    bump_type           VARCHAR(10),
    promoted_at         TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);
-- A version list, newest first; numbers are never given twice within an agent's line.
CREATE UNIQUE INDEX agent_version_line_idx ON agent_version (agent_name, kind, version_number DESC);
