package io.aether.domain.security;

import java.util.List;

/**
 * A Home Assistant zone was created, updated, made the default or deleted. {@code fields} names
 * what an update changed ({@code ha_token} when the token was replaced); the token itself is
 * never in an event.
 */
public record ZoneChanged(
        String principalId, String zoneId, String zoneName, String change, List<String> fields, AuditContext audit)
        implements SecurityEvent {
    public ZoneChanged {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
