package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a refused login attempt. */
public record RecordLoginFailed(
        @TargetAggregateIdentifier String principalId,
        String method,
        String attemptedUsername,
        String reason,
        AuditContext audit)
        implements SecurityCommand {}
