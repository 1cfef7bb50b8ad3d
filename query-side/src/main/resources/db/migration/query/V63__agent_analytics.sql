-- Read models of the agent-analytics projection (disposable: rebuilt by replaying it).
-- One row per agent with its promotion and rollback counts; version is the agent's event count
-- the row reflects (the projection's guard for both tables).
CREATE TABLE agent_analytics (
    agent_name        VARCHAR(255) PRIMARY KEY,
    created_at        TIMESTAMPTZ  NOT NULL,
    config_promotions INTEGER      NOT NULL,
    config_rollbacks  INTEGER      NOT NULL,
    prompt_promotions INTEGER      NOT NULL,
    prompt_rollbacks  INTEGER      NOT NULL,
    version           INTEGER      NOT NULL
);

-- Each time a config or prompt version became the active one (promoted, or active again by a
-- rollback), keyed by the agent's version after that event, with the time the next activation of
-- the same kind ended it (null while it is active). Times are the events' own timestamps.
CREATE TABLE agent_analytics_activation (
    agent_name     VARCHAR(255) NOT NULL,
    seq            INTEGER      NOT NULL,
    kind           VARCHAR(10)  NOT NULL,
    version_id     UUID         NOT NULL,
    number         INTEGER      NOT NULL,
    semver         VARCHAR(50),
    cause          VARCHAR(20)  NOT NULL,
    activated_at   TIMESTAMPTZ  NOT NULL,
    deactivated_at TIMESTAMPTZ,
    PRIMARY KEY (agent_name, seq)
);
-- The latest activations of one kind of one agent, newest first.
CREATE INDEX agent_analytics_activation_kind_idx ON agent_analytics_activation (agent_name, kind, seq DESC);
