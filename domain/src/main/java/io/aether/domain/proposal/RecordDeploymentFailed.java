package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deployment process manager when Home Assistant could not be reached or refused the config. */
public record RecordDeploymentFailed(
        @TargetAggregateIdentifier UUID proposalId, UUID deploymentId, String error) implements ProposalCommand {}
