package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deployment process manager when the rollback could not be carried out. */
public record RecordRollbackFailed(
        @TargetAggregateIdentifier UUID proposalId, UUID rollbackId, String error) implements ProposalCommand {}
