package io.aether.query.proposal;

import io.aether.domain.proposal.ProposalState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * In-memory snapshots of folded proposals for the read side: the state after every
 * {@value #EVERY}th event and after the last event read, for the most recently read proposals.
 * Events are never changed, so a fold of a prefix stays true; a read starts from the nearest
 * snapshot and reads only the events after it from the store, which keeps current reads, time
 * travel and the read-back after a command from growing with the proposal's history. Lost on
 * restart (the first read folds from the start again); each node keeps its own.
 */
final class ProposalFoldCache {
    static final int EVERY = 100;
    private static final int MAX_PROPOSALS = 2_000;

    /** The state after {@code state.version()} events; {@code latest}: the newest timestamp among them. */
    record Checkpoint(ProposalState state, Instant latest) {
        int version() {
            return state.version();
        }
    }

    private final Map<UUID, NavigableMap<Integer, Checkpoint>> byProposal = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, NavigableMap<Integer, Checkpoint>> eldest) {
            return size() > MAX_PROPOSALS;
        }
    };

    /** The newest checkpoint at or below {@code maxVersion} that {@code usable} accepts; null if none. */
    synchronized Checkpoint best(UUID id, int maxVersion, Predicate<Checkpoint> usable) {
        NavigableMap<Integer, Checkpoint> checkpoints = byProposal.get(id);
        if (checkpoints == null) {
            return null;
        }
        for (Checkpoint c :
                checkpoints.headMap(maxVersion, true).descendingMap().values()) {
            if (usable.test(c)) {
                return c;
            }
        }
        return null;
    }

    /** Keeps every EVERY-th state and, when {@code newest}, the state after the last stored event. */
    synchronized void offer(UUID id, Checkpoint checkpoint, boolean newest) {
        NavigableMap<Integer, Checkpoint> checkpoints = byProposal.computeIfAbsent(id, k -> new TreeMap<>());
        if (newest) {
            checkpoints.keySet().removeIf(v -> v % EVERY != 0); // one "newest" besides the regular ones
            checkpoints.put(checkpoint.version(), checkpoint);
        } else if (checkpoint.version() % EVERY == 0) {
            checkpoints.put(checkpoint.version(), checkpoint);
        }
    }
}
