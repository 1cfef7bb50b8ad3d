package io.aether.domain.agent.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.time.Instant;

/**
 * One event of an agent's history: {@code version} is the agent's version after it (1-based),
 * {@code actor} the principal who caused it, {@code label} a name the client gave (display only),
 * {@code correlationId} the request's id (shared by every event one request caused, such as the
 * demotion of the old primary), {@code causationId} the command that recorded it.
 */
public record AgentHistoryEntry(
        String type,
        int version,
        Instant timestamp,
        Actor actor,
        String label,
        String reason,
        String correlationId,
        String causationId,
        JsonNode payload) {}
