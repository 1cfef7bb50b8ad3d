package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Finish first-time setup; refused once setup has been completed. */
public record CompleteSetup(
        @TargetAggregateIdentifier String principalId, String haUrl, boolean passwordSet, AuditContext audit)
        implements SecurityCommand {}
