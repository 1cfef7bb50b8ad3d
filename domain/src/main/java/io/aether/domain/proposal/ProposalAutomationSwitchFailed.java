package io.aether.domain.proposal;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Turning the automation on or off in Home Assistant after a disable/enable failed; the status
 * the person chose stands, and this records that HA does not reflect it yet.
 *
 * @param operation {@code turn_off} or {@code turn_on}
 */
@Revision("2")
public record ProposalAutomationSwitchFailed(UUID proposalId, String operation, String error, Actor actor)
        implements ProposalEvent {

    @Override
    public String reason() {
        return error;
    }
}
