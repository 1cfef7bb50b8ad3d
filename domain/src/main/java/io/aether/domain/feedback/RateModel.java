package io.aether.domain.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a person's rating (1–5) of a model in an agent role, with the config it was rated under. */
public record RateModel(
        @TargetAggregateIdentifier UUID id,
        String modelName,
        String agentRole,
        int rating,
        String notes,
        JsonNode configSnapshot,
        Actor actor) {}
