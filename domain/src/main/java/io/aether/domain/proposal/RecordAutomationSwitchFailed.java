package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deployment process manager when turning the automation on/off in HA failed. */
public record RecordAutomationSwitchFailed(
        @TargetAggregateIdentifier UUID proposalId, String operation, String error) implements ProposalCommand {}
