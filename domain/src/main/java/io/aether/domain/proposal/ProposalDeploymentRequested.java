package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Intent to deploy: the exact config that will be sent to Home Assistant. The outcome follows as ProposalDeployed or ProposalDeploymentFailed. */
@Revision("2")
public record ProposalDeploymentRequested(
        UUID proposalId, UUID deploymentId, String haAutomationId, JsonNode config, boolean force, Actor actor)
        implements ProposalEvent {}
