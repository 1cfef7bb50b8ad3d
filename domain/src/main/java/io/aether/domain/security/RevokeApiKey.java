package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke an active API key. */
public record RevokeApiKey(@TargetAggregateIdentifier String principalId, String keyId, AuditContext audit)
        implements SecurityCommand {}
