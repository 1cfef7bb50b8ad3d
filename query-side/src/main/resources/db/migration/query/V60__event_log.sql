-- Read model behind GET /api/v1/events (the audit log), built by the event-log projection: one row
-- per stored event, keyed by its global position (domain_event_entry.global_index). Disposable:
-- cleared by its reset and rebuilt by replay. Payloads are not copied: a page reads them from
-- domain_event_entry by primary key. Every filter of the audit log has an index ending in the
-- position, so a page is an index range scan in position order whatever the store's size.
CREATE TABLE event_log (
    global_position BIGINT      PRIMARY KEY,
    aggregate_type  TEXT,
    aggregate_id    TEXT,
    sequence_number BIGINT,
    event_type      TEXT        NOT NULL,
    time_stamp      TIMESTAMPTZ NOT NULL,
    actor_type      TEXT,
    actor_id        TEXT,
    actor_name      TEXT,
    label           TEXT,
    correlation_id  TEXT,
    causation_id    TEXT
);
CREATE INDEX event_log_aggregate_type_idx ON event_log (aggregate_type, global_position);
CREATE INDEX event_log_aggregate_id_idx ON event_log (aggregate_id, global_position);
CREATE INDEX event_log_event_type_idx ON event_log (event_type, global_position);
-- Actor type alone, and type with id; an actor id alone uses the next one.
CREATE INDEX event_log_actor_idx ON event_log (actor_type, actor_id, global_position);
CREATE INDEX event_log_actor_id_idx ON event_log (actor_id, global_position);
-- A time range is turned into a position range through this index (EventLogQueries).
CREATE INDEX event_log_time_idx ON event_log (time_stamp, global_position);
