package io.aether.domain.proposal.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One event of a proposal's history. {@code version} is the proposal version after this event. */
public record ProposalHistoryEntry(String type, int version, Instant timestamp, String actor, String reason, JsonNode payload) {
}
