package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Enable a disabled automation. */
public record EnableProposal(@TargetAggregateIdentifier UUID proposalId, String actor, String reason, @TargetAggregateVersion Long expectedVersion) {
}
