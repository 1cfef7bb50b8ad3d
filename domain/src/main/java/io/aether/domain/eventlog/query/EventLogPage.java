package io.aether.domain.eventlog.query;

import java.util.List;

/**
 * One page of the audit log. {@code next} is the position to continue from (as {@code before} when
 * newest first, as {@code after} when oldest first); null when the page was not full, so nothing
 * more matched at the time of the read.
 */
public record EventLogPage(List<EventLogEntry> items, Long next) {}
