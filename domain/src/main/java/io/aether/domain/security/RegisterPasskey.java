package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a newly registered WebAuthn passkey. */
public record RegisterPasskey(
        @TargetAggregateIdentifier String principalId, String passkeyId, String deviceName, AuditContext audit)
        implements SecurityCommand {}
