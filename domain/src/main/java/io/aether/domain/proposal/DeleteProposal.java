package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Delete a proposal that has nothing live in Home Assistant. */
public record DeleteProposal(@TargetAggregateIdentifier UUID proposalId, String actor, String reason, @TargetAggregateVersion Long expectedVersion) {
}
