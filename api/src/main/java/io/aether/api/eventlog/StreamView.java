package io.aether.api.eventlog;

import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.eventlog.query.EventLogFilter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What one live stream of {@link EventStreams} shows, and how: which stored events it passes on
 * and the Server-Sent Events message it writes for each. The hub (feed, bounded buffers,
 * heartbeats, resume, shutdown) is the same for every view.
 */
public interface StreamView {
    /**
     * The filter the store is read with when a stream resumes after a Last-Event-ID; every entry
     * {@link #matches} passes must pass it ({@link EventLogFilter#ALL} when the view filters in memory only).
     */
    EventLogFilter stored();

    /** Whether the stream shows this entry (called by the feed for every new entry: keep it cheap). */
    boolean matches(EventLogEntry entry);

    /**
     * Writes the entry as one complete message ending in a blank line; its {@code id:} should be
     * the entry's position so that the client can resume with Last-Event-ID.
     */
    void write(OutputStream out, EventLogEntry entry) throws IOException;
}
