package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one fold of proposal events into {@link ProposalState}. Used by the aggregate's event
 * sourcing handlers, by time-travel queries and by rollback. Pure: no I/O, no clock.
 */
public final class ProposalFold {

    private ProposalFold() {}

    /** Folds a whole stream; null when the stream is empty. */
    public static ProposalState fold(Iterable<TimedEvent> events) {
        ProposalState state = null;
        for (TimedEvent e : events) {
            state = apply(state, e.event(), e.timestamp());
        }
        return state;
    }

    /** An event payload with the instant it was recorded. */
    public record TimedEvent(Object event, Instant timestamp) {}

    public static ProposalState apply(ProposalState s, Object event, Instant at) {
        if (event instanceof ProposalCreated e) {
            return new ProposalState(
                    e.proposalId(),
                    1,
                    e.content(),
                    ProposalStatus.PROPOSED,
                    e.haAutomationId(),
                    at,
                    at,
                    at,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    List.of(),
                    null,
                    null);
        }
        if (s == null) {
            throw new IllegalStateException("first proposal event must be ProposalCreated, was "
                    + event.getClass().getSimpleName());
        }
        Builder b = new Builder(s, at);
        if (event instanceof ProposalApproved e) {
            b.status = ProposalStatus.APPROVED;
            b.approvedAt = at;
            b.approvedBy = e.actorLabel();
        } else if (event instanceof ProposalRevised e) {
            b.content = e.content();
        } else if (event instanceof ProposalRejected e) {
            b.status = ProposalStatus.REJECTED;
            b.rejectionReason = e.reason();
        } else if (event instanceof ProposalDeploymentRequested e) {
            b.pending = PendingOperation.deployment(e.deploymentId(), e.config());
        } else if (event instanceof ProposalDeployed e) {
            JsonNode previous = absentIfNull(e.previousHaConfig());
            if (!s.everDeployed()) {
                b.configBeforeFirstDeploy = previous;
            } else if (!Objects.equals(previous, s.liveConfigAt(s.version()).orElse(null))) {
                // HA held something else than our record says (edited by hand since): that was live
                // just before this deployment, so a rollback to before it restores exactly that.
                b.timeline.add(new LiveConfigChange(s.version(), previous, false));
            }
            b.status = ProposalStatus.DEPLOYED;
            b.deployedAt = at;
            b.pending = null;
            b.timeline.add(new LiveConfigChange(b.version, absentIfNull(e.deployedConfig()), true));
        } else if (event instanceof ProposalDeploymentFailed) {
            b.pending = null;
        } else if (event instanceof ProposalRollbackRequested e) {
            b.pending = PendingOperation.rollback(
                    e.rollbackId(), e.action(), absentIfNull(e.configToRestore()), e.targetVersion());
        } else if (event instanceof ProposalRolledBack e) {
            b.status = ProposalStatus.ROLLED_BACK;
            b.rolledBackAt = at;
            b.pending = null;
            b.rollbackCursor = e.targetVersion();
            if (e.action() != RollbackAction.DISABLED) {
                b.timeline.add(new LiveConfigChange(b.version, absentIfNull(e.restoredConfig()), false));
            }
        } else if (event instanceof ProposalRollbackFailed) {
            b.pending = null;
        } else if (event instanceof ProposalHaStateChanged) {
            // recorded for the audit trail and ha_state; the proposal's own state does not change
        } else if (event instanceof ProposalAutomationSwitchFailed) {
            // recorded for the audit trail; the proposal's own state does not change
        } else if (event instanceof ProposalDisabled) {
            b.status = ProposalStatus.DISABLED;
        } else if (event instanceof ProposalEnabled) {
            b.status = ProposalStatus.DEPLOYED;
        } else if (event instanceof ProposalDeprecated) {
            b.status = ProposalStatus.DEPRECATED;
        } else if (event instanceof ProposalArchived) {
            b.status = ProposalStatus.ARCHIVED;
        } else if (event instanceof ProposalDeleted) {
            b.deleted = true;
        } else {
            throw new IllegalArgumentException(
                    "not a proposal event: " + event.getClass().getName());
        }
        return b.build();
    }

    /**
     * A stored event read back by Jackson carries JSON null as a NullNode, not as null; both mean
     * "nothing was in Home Assistant".
     */
    static JsonNode absentIfNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** Mutable copy used only while applying one event. */
    private static final class Builder {
        private final ProposalState s;
        private final int version;
        private final Instant at;
        private ProposalStatus status;
        private ProposalContent content;
        private Instant approvedAt;
        private String approvedBy;
        private Instant deployedAt;
        private Instant rolledBackAt;
        private String rejectionReason;
        private boolean deleted;
        private PendingOperation pending;
        private final List<LiveConfigChange> timeline;
        private JsonNode configBeforeFirstDeploy;
        private Integer rollbackCursor;

        Builder(ProposalState s, Instant at) {
            this.s = s;
            this.version = s.version() + 1;
            this.at = at;
            status = s.status();
            content = s.content();
            approvedAt = s.approvedAt();
            approvedBy = s.approvedBy();
            deployedAt = s.deployedAt();
            rolledBackAt = s.rolledBackAt();
            rejectionReason = s.rejectionReason();
            deleted = s.deleted();
            pending = s.pending();
            timeline = new ArrayList<>(s.liveTimeline());
            configBeforeFirstDeploy = s.configBeforeFirstDeploy();
            rollbackCursor = s.rollbackCursor();
        }

        ProposalState build() {
            return new ProposalState(
                    s.id(),
                    version,
                    content,
                    status,
                    s.haAutomationId(),
                    s.createdAt(),
                    at,
                    s.proposedAt(),
                    approvedAt,
                    approvedBy,
                    deployedAt,
                    rolledBackAt,
                    rejectionReason,
                    deleted,
                    pending,
                    timeline,
                    configBeforeFirstDeploy,
                    rollbackCursor);
        }
    }
}
