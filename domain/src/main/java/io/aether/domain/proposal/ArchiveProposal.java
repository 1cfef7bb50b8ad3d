package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Archive a proposal (terminal). */
public record ArchiveProposal(@TargetAggregateIdentifier UUID proposalId, String actor, String reason, @TargetAggregateVersion Long expectedVersion) {
}
