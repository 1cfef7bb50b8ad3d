package io.aether.domain.security;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a change to a Home Assistant zone: which zone, what happened, which fields; never the token. */
public record RecordZoneChange(
        @TargetAggregateIdentifier String principalId,
        String zoneId,
        String zoneName,
        String change,
        List<String> fields,
        AuditContext audit)
        implements SecurityCommand {}
