package io.aether.domain.homeassistant;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What Home Assistant answered to the call: success, or its error. */
public record RecordServiceCallOutcome(
        @TargetAggregateIdentifier UUID callId, boolean success, String error) {}
