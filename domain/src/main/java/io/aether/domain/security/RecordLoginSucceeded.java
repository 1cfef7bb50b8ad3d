package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a successful login; sessionId is the JWT id (jti), never the token. */
public record RecordLoginSucceeded(
        @TargetAggregateIdentifier String principalId, String method, String sessionId, AuditContext audit)
        implements SecurityCommand {}
