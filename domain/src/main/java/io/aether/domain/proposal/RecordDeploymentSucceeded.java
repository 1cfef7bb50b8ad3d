package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deployment process manager once Home Assistant accepted the config. */
public record RecordDeploymentSucceeded(
        @TargetAggregateIdentifier UUID proposalId, UUID deploymentId, JsonNode previousHaConfig, String method)
        implements ProposalCommand {}
