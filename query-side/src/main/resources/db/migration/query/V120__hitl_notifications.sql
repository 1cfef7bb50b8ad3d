-- Read model behind the HITL endpoints (disposable: rebuilt by replaying the hitl-notifications
-- processor). One row per fact; both lists are read newest first, limited, on these indexes.
CREATE TABLE hitl_notification_sent (
    id             UUID PRIMARY KEY,
    kind           VARCHAR(20)   NOT NULL,
    target_id      VARCHAR(100),
    notify_service VARCHAR(255)  NOT NULL,
    title          VARCHAR(1000),
    actions        JSONB         NOT NULL,
    sent_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX hitl_notification_sent_target ON hitl_notification_sent (target_id, sent_at DESC);

CREATE TABLE hitl_notification_action (
    id          UUID PRIMARY KEY,
    decision    VARCHAR(20)   NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    target_id   VARCHAR(100)  NOT NULL,
    outcome     VARCHAR(20)   NOT NULL,
    detail      VARCHAR(2000),
    actor       VARCHAR(255),
    received_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX hitl_notification_action_recent ON hitl_notification_action (received_at DESC, id);
CREATE INDEX hitl_notification_action_target ON hitl_notification_action (target_id, received_at DESC);
