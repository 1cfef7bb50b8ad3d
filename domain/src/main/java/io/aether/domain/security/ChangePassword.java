package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the owner's password was changed; the new password never travels in the command. */
public record ChangePassword(@TargetAggregateIdentifier String principalId, AuditContext audit)
        implements SecurityCommand {}
