package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Home Assistant reports (state_changed) that the proposal's automation entity is now {@code state}
 * (on or off). Recorded only when it is a change nobody made through Aether; otherwise ignored.
 */
public record RecordHaStateChange(@TargetAggregateIdentifier UUID proposalId, String entityId, String state)
        implements ProposalCommand {}
