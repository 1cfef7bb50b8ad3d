package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the intent to roll back to toVersion (1-based API version; null means before the latest deployment). */
public record RequestRollback(
        @TargetAggregateIdentifier UUID proposalId,
        UUID rollbackId,
        Integer toVersion,
        RollbackStrategy strategy,
        Actor actor,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {}
