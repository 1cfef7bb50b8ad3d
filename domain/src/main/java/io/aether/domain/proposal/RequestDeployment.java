package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the intent to deploy; the deployment process manager performs it. */
public record RequestDeployment(
        @TargetAggregateIdentifier UUID proposalId,
        UUID deploymentId,
        boolean force,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion)
        implements ProposalCommand {}
