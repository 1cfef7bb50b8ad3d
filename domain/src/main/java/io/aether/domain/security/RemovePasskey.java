package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a registered WebAuthn passkey. */
public record RemovePasskey(@TargetAggregateIdentifier String principalId, String passkeyId, AuditContext audit)
        implements SecurityCommand {}
