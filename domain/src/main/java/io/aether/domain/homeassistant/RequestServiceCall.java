package io.aether.domain.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a person is calling a Home Assistant service directly (before the call is made). */
public record RequestServiceCall(
        @TargetAggregateIdentifier UUID callId, String domain, String service, JsonNode data, Actor actor) {}
