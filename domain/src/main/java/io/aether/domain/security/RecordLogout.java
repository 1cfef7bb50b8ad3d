package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the end of a session; sessionId is the JWT id (jti). */
public record RecordLogout(@TargetAggregateIdentifier String principalId, String sessionId, AuditContext audit)
        implements SecurityCommand {}
