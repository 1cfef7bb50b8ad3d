package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Approve a proposed proposal. expectedVersion (Axon sequence number, nullable) enables optimistic concurrency. */
public record ApproveProposal(@TargetAggregateIdentifier UUID proposalId, String actor, String comment, @TargetAggregateVersion Long expectedVersion) {
}
