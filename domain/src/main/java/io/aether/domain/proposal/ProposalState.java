package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A proposal as the fold of its events ({@link ProposalFold}). {@code version} is the number of
 * events applied (1 after creation), so the Axon sequence number of the last event is version - 1.
 *
 * @param liveTimeline          every change of what HA holds under {@code haAutomationId}, oldest first
 * @param configBeforeFirstDeploy what HA held before this proposal's first deployment (null: nothing);
 *                              meaningful only when {@code liveTimeline} has a deployment
 * @param rollbackCursor        target version of the latest rollback; later rollbacks go further back
 */
public record ProposalState(
        UUID id,
        int version,
        ProposalContent content,
        ProposalStatus status,
        String haAutomationId,
        Instant createdAt,
        Instant updatedAt,
        Instant proposedAt,
        Instant approvedAt,
        String approvedBy,
        Instant deployedAt,
        Instant rolledBackAt,
        String rejectionReason,
        boolean deleted,
        PendingOperation pending,
        List<LiveConfigChange> liveTimeline,
        JsonNode configBeforeFirstDeploy,
        Integer rollbackCursor) {

    public ProposalState {
        liveTimeline = List.copyOf(liveTimeline);
    }

    public boolean everDeployed() {
        return liveTimeline.stream().anyMatch(LiveConfigChange::deployment);
    }

    /**
     * What HA held under this proposal's automation id right after {@code version}: empty when
     * nothing was there. Only meaningful once the proposal has been deployed at least once.
     */
    public Optional<JsonNode> liveConfigAt(int version) {
        JsonNode live = configBeforeFirstDeploy;
        for (LiveConfigChange change : liveTimeline) {
            if (change.version() > version) {
                break;
            }
            live = change.config();
        }
        return Optional.ofNullable(live);
    }

    /**
     * The default rollback target: the version just before the latest deployment that no
     * earlier rollback has already gone behind. Empty when there is nothing left to roll back.
     */
    public Optional<Integer> defaultRollbackTarget() {
        int limit = rollbackCursor == null ? Integer.MAX_VALUE : rollbackCursor;
        Integer target = null;
        for (LiveConfigChange change : liveTimeline) {
            if (change.deployment() && change.version() <= limit) {
                target = change.version() - 1;
            }
        }
        return Optional.ofNullable(target);
    }

    /**
     * True while Home Assistant holds a config this proposal deployed (an earlier one restored by
     * rollback counts too): deleting the proposal then would leave an automation nobody tracks.
     */
    public boolean ownConfigLive() {
        Optional<JsonNode> live = everDeployed() ? liveConfigAt(version) : Optional.empty();
        return live.isPresent()
                && liveTimeline.stream()
                        .anyMatch(change -> change.deployment() && live.get().equals(change.config()));
    }
}
