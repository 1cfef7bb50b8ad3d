package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Mark a deployed or disabled proposal deprecated. */
public record DeprecateProposal(@TargetAggregateIdentifier UUID proposalId, String actor, String reason, @TargetAggregateVersion Long expectedVersion) {
}
