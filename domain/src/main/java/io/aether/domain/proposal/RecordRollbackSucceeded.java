package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deployment process manager once Home Assistant holds the earlier version. */
public record RecordRollbackSucceeded(
        @TargetAggregateIdentifier UUID proposalId, UUID rollbackId) implements ProposalCommand {}
