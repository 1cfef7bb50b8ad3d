package io.aether.query.analytics;

import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalArchived;
import io.aether.domain.proposal.ProposalAutomationSwitchFailed;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeleted;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalDeprecated;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalHaStateChanged;
import io.aether.domain.proposal.ProposalRejected;
import io.aether.domain.proposal.ProposalRevised;
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalRolledBack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lifecycle steps the proposal analytics count: one per proposal event type, named on the wire. */
final class ProposalSteps {
    /** Every step, in lifecycle order (the order of a bucket's counts). */
    static final List<String> ALL = List.of(
            "created",
            "revised",
            "approved",
            "rejected",
            "deployment_requested",
            "deployed",
            "deployment_failed",
            "rollback_requested",
            "rolled_back",
            "rollback_failed",
            "disabled",
            "enabled",
            "automation_switch_failed",
            "ha_state_changed",
            "deprecated",
            "archived",
            "deleted");

    private ProposalSteps() {}

    /** The step an event is; null for an event type this list does not know (counted nowhere). */
    static String of(ProposalEvent event) {
        if (event instanceof ProposalCreated) {
            return "created";
        } else if (event instanceof ProposalRevised) {
            return "revised";
        } else if (event instanceof ProposalApproved) {
            return "approved";
        } else if (event instanceof ProposalRejected) {
            return "rejected";
        } else if (event instanceof ProposalDeploymentRequested) {
            return "deployment_requested";
        } else if (event instanceof ProposalDeployed) {
            return "deployed";
        } else if (event instanceof ProposalDeploymentFailed) {
            return "deployment_failed";
        } else if (event instanceof ProposalRollbackRequested) {
            return "rollback_requested";
        } else if (event instanceof ProposalRolledBack) {
            return "rolled_back";
        } else if (event instanceof ProposalRollbackFailed) {
            return "rollback_failed";
        } else if (event instanceof ProposalDisabled) {
            return "disabled";
        } else if (event instanceof ProposalEnabled) {
            return "enabled";
        } else if (event instanceof ProposalAutomationSwitchFailed) {
            return "automation_switch_failed";
        } else if (event instanceof ProposalHaStateChanged) {
            return "ha_state_changed";
        } else if (event instanceof ProposalDeprecated) {
            return "deprecated";
        } else if (event instanceof ProposalArchived) {
            return "archived";
        } else if (event instanceof ProposalDeleted) {
            return "deleted";
        }
        return null;
    }

    /** Every step with a zero count, in order. */
    static Map<String, Long> zeros() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ALL.forEach(step -> counts.put(step, 0L));
        return counts;
    }
}
