package io.aether.domain.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A model was rated 1–5 for an agent role. {@code configSnapshot} is the config given with the
 * rating, or the agent's active config at the time when none was given (null when neither).
 */
@Revision("1")
public record ModelRated(
        UUID id, String modelName, String agentRole, int rating, String notes, JsonNode configSnapshot, Actor actor) {}
