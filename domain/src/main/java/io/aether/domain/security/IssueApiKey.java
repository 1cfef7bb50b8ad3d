package io.aether.domain.security;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a newly issued API key by its id, name and display prefix; never the key. */
public record IssueApiKey(
        @TargetAggregateIdentifier String principalId, String keyId, String name, String prefix, AuditContext audit)
        implements SecurityCommand {}
