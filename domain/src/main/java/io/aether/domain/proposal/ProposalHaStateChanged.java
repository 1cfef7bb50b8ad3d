package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Someone turned the deployed automation on or off in Home Assistant itself (noticed from
 * {@code state_changed}); the proposal's status is unchanged, its {@code ha_state} shows it.
 */
@Revision("1")
public record ProposalHaStateChanged(
        UUID proposalId, String haAutomationId, String entityId, String haState, String expectedState, Actor actor)
        implements ProposalEvent {}
