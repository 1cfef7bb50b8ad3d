-- Read models of the proposal-analytics projection (disposable: rebuilt by replaying it).
-- One row per proposal with its milestone times, each the time of the event that reached it (the
-- event's own timestamp, so a replay writes the same values), and its deployment outcome counts.
CREATE TABLE proposal_analytics (
    proposal_id         UUID        PRIMARY KEY,
    created_at          TIMESTAMPTZ NOT NULL,
    approved_at         TIMESTAMPTZ,
    rejected_at         TIMESTAMPTZ,
    deployed_at         TIMESTAMPTZ,
    rolled_back_at      TIMESTAMPTZ,
    deployments         INTEGER     NOT NULL,
    deployment_failures INTEGER     NOT NULL,
    rollbacks           INTEGER     NOT NULL,
    version             INTEGER     NOT NULL
);
-- The cohort of a range (proposals created in it) is read by this index: the cost of a query is
-- bounded by the proposals in its range, not by the events in the store.
CREATE INDEX proposal_analytics_created_idx ON proposal_analytics (created_at);

-- Events per lifecycle step per UTC day. Rows only grow by the events the per-proposal row's
-- version has not seen yet (in the same transaction), so a replay counts nothing twice.
CREATE TABLE proposal_analytics_daily (
    day  DATE        NOT NULL,
    step VARCHAR(40) NOT NULL,
    n    BIGINT      NOT NULL,
    PRIMARY KEY (day, step)
);
