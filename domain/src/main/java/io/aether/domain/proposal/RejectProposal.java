package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reject a proposed or approved proposal. */
public record RejectProposal(@TargetAggregateIdentifier UUID proposalId, String actor, String reason, @TargetAggregateVersion Long expectedVersion) {
}
