package io.aether.domain.eventlog.query;

/**
 * A page of the audit log. {@code after}/{@code before} bound the positions (exclusive, either or
 * both may be null); {@code newestFirst} picks the order; at most {@code limit} entries.
 */
public record FindEvents(EventLogFilter filter, Long after, Long before, int limit, boolean newestFirst) {}
