-- Read model of the insight-analytics projection (disposable: rebuilt by replaying it). One row per
-- insight with the time of each step (the events' own timestamps); deleted insights stay, so the
-- figures of a range do not change when an insight is deleted later.
CREATE TABLE insight_analytics (
    insight_id      UUID        PRIMARY KEY,
    type            VARCHAR(40) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    reviewed_at     TIMESTAMPTZ,
    acted_upon_at   TIMESTAMPTZ,
    dismissed_at    TIMESTAMPTZ,
    first_review_at TIMESTAMPTZ,
    version         INTEGER     NOT NULL
);
CREATE INDEX insight_analytics_created ON insight_analytics (created_at);
