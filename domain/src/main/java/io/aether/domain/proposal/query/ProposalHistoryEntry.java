package io.aether.domain.proposal.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.time.Instant;

/**
 * One event of a proposal's history. {@code version} is the proposal version after this event;
 * {@code actor} the principal who caused it, {@code label} the name the client gave (display only);
 * {@code correlationId} the id of the request whose chain of messages recorded it (shared by every
 * event that request caused, a process manager's outcome included); {@code causationId} the id of
 * the message (command) that recorded it. Both are null for events stored before they were tracked.
 */
public record ProposalHistoryEntry(
        String type,
        int version,
        Instant timestamp,
        Actor actor,
        String label,
        String reason,
        String correlationId,
        String causationId,
        JsonNode payload) {}
