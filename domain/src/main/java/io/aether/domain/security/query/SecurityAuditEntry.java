package io.aether.domain.security.query;

import io.aether.domain.actor.Actor;
import java.time.Instant;
import java.util.Map;

/**
 * One security event. sequence is the principal's version after the event, event the event's
 * simple class name (e.g. {@code LoginFailed}), actor the principal who caused it, label what the
 * request claimed (a refused sign-in's user name), details its other components in declaration order,
 * correlationId the id of the request that caused it (its X-Correlation-ID; null for events older than it).
 */
public record SecurityAuditEntry(
        long sequence,
        String event,
        Instant timestamp,
        Actor actor,
        String label,
        String clientAddress,
        String userAgent,
        Map<String, Object> details,
        String correlationId) {}
