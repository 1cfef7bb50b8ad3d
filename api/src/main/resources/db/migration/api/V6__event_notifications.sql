-- Every transaction that appends events notifies channel aether_events when it commits
-- (PostgreSQL folds the notifications of one transaction into one). Each node listens
-- (EventStoreNotifications) and reads the new events at once instead of after a poll delay.
CREATE FUNCTION aether_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('aether_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER domain_event_entry_notify
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION aether_notify_events();
