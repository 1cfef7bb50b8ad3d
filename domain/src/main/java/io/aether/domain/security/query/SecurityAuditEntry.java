package io.aether.domain.security.query;

import java.time.Instant;
import java.util.Map;

/**
 * One security event. sequence is the principal's version after the event, event the event's
 * simple class name (e.g. {@code LoginFailed}), details its other components in declaration order.
 */
public record SecurityAuditEntry(long sequence, String event, Instant timestamp, String actor, String clientAddress,
        String userAgent, Map<String, Object> details) {
}
