package io.aether.command.proposal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.ApproveProposal;
import io.aether.domain.proposal.ArchiveProposal;
import io.aether.domain.proposal.AutomationConfig;
import io.aether.domain.proposal.CreateProposal;
import io.aether.domain.proposal.DeleteProposal;
import io.aether.domain.proposal.DeploymentConfig;
import io.aether.domain.proposal.DeprecateProposal;
import io.aether.domain.proposal.DisableProposal;
import io.aether.domain.proposal.EnableProposal;
import io.aether.domain.proposal.IllegalProposalTransitionException;
import io.aether.domain.proposal.InvalidProposalCommandException;
import io.aether.domain.proposal.PendingOperation;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalArchived;
import io.aether.domain.proposal.ProposalAutomationSwitchFailed;
import io.aether.domain.proposal.ProposalCommand;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeleted;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalDeprecated;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalFold;
import io.aether.domain.proposal.ProposalHaStateChanged;
import io.aether.domain.proposal.ProposalNotFoundException;
import io.aether.domain.proposal.ProposalRejected;
import io.aether.domain.proposal.ProposalRevised;
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.proposal.ProposalState;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RecordAutomationSwitchFailed;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import io.aether.domain.proposal.RecordHaStateChange;
import io.aether.domain.proposal.RecordRollbackFailed;
import io.aether.domain.proposal.RecordRollbackSucceeded;
import io.aether.domain.proposal.RejectProposal;
import io.aether.domain.proposal.RequestDeployment;
import io.aether.domain.proposal.RequestRollback;
import io.aether.domain.proposal.ReviseProposal;
import io.aether.domain.proposal.RollbackAction;
import io.aether.domain.proposal.RollbackStrategy;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The Proposal aggregate: guards the proposal status machine and records intents and outcomes.
 * Its state is {@link ProposalFold}'s; an illegal command throws a domain exception and appends
 * nothing. Home Assistant is never called from here: {@link ProposalDeploymentProcess} performs
 * the recorded intents and reports back with the Record* commands. Every intent gets a deadline
 * ({@link OverdueOperations}) in the same transaction; when it fires with the outcome still
 * missing, the outcome Home Assistant actually shows is recorded through the same Record* handlers,
 * so no proposal stays blocked by a process manager that died mid-operation. Outcome events
 * (deployed, deployment failed, rolled back, rollback failed) carry the actor (and, for a
 * rollback, the reason) of the request they resolve.
 */
@Aggregate(cache = ProposalAggregate.CACHE)
public class ProposalAggregate {
    /**
     * Name of the cache bean that keeps loaded proposals between commands, so a command does not
     * re-read the proposal's events. On several nodes a stale entry makes the append collide on
     * the sequence number: the command fails with 409, Axon drops the entry, and a retry works.
     */
    public static final String CACHE = "proposalCache";

    @AggregateIdentifier
    private UUID id;

    private ProposalState state;

    /**
     * The request event of the pending operation (null when none). Derived from the same events
     * as {@link #state}; kept so that outcome events carry the requester's actor and reason,
     * which {@link PendingOperation} does not hold.
     */
    private ProposalEvent pendingRequest;

    /**
     * The state Home Assistant last reported for the automation by a {@link ProposalHaStateChanged}
     * since Aether's own last change of it (null: none, HA shows what Aether set).
     */
    private String recordedHaState;

    protected ProposalAggregate() {
        // for Axon
    }

    @CommandHandler
    public ProposalAggregate(CreateProposal command) {
        if (command.proposalId() == null) {
            throw new InvalidProposalCommandException("proposal id is required");
        }
        if (command.content() == null || command.content().proposalType() == null) {
            throw new InvalidProposalCommandException("proposal content and its proposal_type are required");
        }
        apply(new ProposalCreated(
                command.proposalId(),
                command.content(),
                AutomationConfig.haAutomationId(command.proposalId()),
                actorOf(command.actor())));
    }

    @CommandHandler
    public void handle(ApproveProposal command) {
        checkCanChange();
        requireStatus("approve", "approved", ProposalStatus.PROPOSED);
        apply(new ProposalApproved(id, actorOf(command.actor()), command.label(), command.comment()));
    }

    @CommandHandler
    public void handle(ReviseProposal command) {
        checkCanChange();
        requireStatus("edit", "edited", ProposalStatus.PROPOSED);
        if (command.content() == null
                || command.content().proposalType() != state.content().proposalType()) {
            throw new InvalidProposalCommandException("an edit keeps the proposal's type ('"
                    + state.content().proposalType().wire() + "')");
        }
        DeploymentConfig.build(command.content(), state.haAutomationId()); // deployable, or nothing is appended
        apply(new ProposalRevised(id, command.content(), actorOf(command.actor())));
    }

    @CommandHandler
    public void handle(RejectProposal command) {
        checkCanChange();
        requireStatus("reject", "rejected", ProposalStatus.PROPOSED, ProposalStatus.APPROVED);
        if (state.status() == ProposalStatus.APPROVED && command.expectedVersion() == null) {
            // Revoking an approval must be deliberate: a reject racing an approve it never saw
            // loses instead of silently overriding it.
            throw new IllegalProposalTransitionException("Cannot reject a proposal in status 'approved' without "
                    + "If-Match: it was approved (version " + state.version() + "); to revoke the approval, "
                    + "reject it with If-Match: \"" + state.version() + "\"");
        }
        apply(new ProposalRejected(id, actorOf(command.actor()), command.label(), command.reason()));
    }

    @CommandHandler
    public void handle(RequestDeployment command, DeadlineManager deadlines, OverdueOperations overdue) {
        checkCanChange();
        ProposalStatus status = state.status();
        if (status == ProposalStatus.DEPLOYED && !command.force()) {
            throw new IllegalProposalTransitionException(
                    "Cannot deploy a proposal in status 'deployed' without force; pass force=true to redeploy it");
        }
        if (status != ProposalStatus.APPROVED && status != ProposalStatus.DEPLOYED) {
            throw new IllegalProposalTransitionException("Cannot deploy a proposal in status '" + status.wire()
                    + "'; only 'approved' proposals can be deployed ('deployed' ones only with force=true)");
        }
        requireOperationId(command.deploymentId(), "deployment id");
        String haId = state.haAutomationId();
        apply(new ProposalDeploymentRequested(
                id,
                command.deploymentId(),
                haId,
                DeploymentConfig.build(state.content(), haId),
                command.force(),
                actorOf(command.actor())));
        overdue.schedule(deadlines, command.deploymentId());
    }

    @CommandHandler
    public void handle(RecordDeploymentSucceeded command, DeadlineManager deadlines, OverdueOperations overdue) {
        checkExists();
        PendingOperation pending = requirePending(PendingOperation.Kind.DEPLOYMENT, command.deploymentId());
        overdue.cancel(deadlines);
        apply(new ProposalDeployed(
                id,
                command.deploymentId(),
                state.haAutomationId(),
                pending.config(),
                command.previousHaConfig(),
                command.method(),
                pendingRequest.actor()));
    }

    @CommandHandler
    public void handle(RecordDeploymentFailed command, DeadlineManager deadlines, OverdueOperations overdue) {
        checkExists();
        requirePending(PendingOperation.Kind.DEPLOYMENT, command.deploymentId());
        overdue.cancel(deadlines);
        apply(new ProposalDeploymentFailed(id, command.deploymentId(), command.error(), pendingRequest.actor()));
    }

    @CommandHandler
    public void handle(RequestRollback command, DeadlineManager deadlines, OverdueOperations overdue) {
        checkCanChange();
        requireStatus(
                "roll back",
                "rolled back",
                ProposalStatus.DEPLOYED,
                ProposalStatus.DISABLED,
                ProposalStatus.ROLLED_BACK);
        if (!state.everDeployed()) {
            throw new IllegalProposalTransitionException("Cannot roll back a proposal that was never deployed");
        }
        requireOperationId(command.rollbackId(), "rollback id");
        int target = rollbackTarget(command.toVersion());
        RollbackAction action;
        JsonNode config = null;
        if (command.strategy() == RollbackStrategy.DISABLE) {
            requireAutomation("rolled back with strategy 'disable'");
            action = RollbackAction.DISABLED;
        } else {
            Optional<JsonNode> live = state.liveConfigAt(target);
            action = live.isPresent() ? RollbackAction.RESTORED : RollbackAction.DELETED;
            config = live.orElse(null);
        }
        apply(new ProposalRollbackRequested(
                id,
                command.rollbackId(),
                target,
                action,
                config,
                state.haAutomationId(),
                actorOf(command.actor()),
                command.reason()));
        overdue.schedule(deadlines, command.rollbackId());
    }

    @CommandHandler
    public void handle(RecordRollbackSucceeded command, DeadlineManager deadlines, OverdueOperations overdue) {
        checkExists();
        PendingOperation pending = requirePending(PendingOperation.Kind.ROLLBACK, command.rollbackId());
        overdue.cancel(deadlines);
        apply(new ProposalRolledBack(
                id,
                command.rollbackId(),
                pending.targetVersion(),
                pending.rollbackAction(),
                pending.config(),
                state.haAutomationId(),
                pendingRequest.actor(),
                pendingRequest.reason()));
    }

    @CommandHandler
    public void handle(RecordRollbackFailed command, DeadlineManager deadlines, OverdueOperations overdue) {
        checkExists();
        requirePending(PendingOperation.Kind.ROLLBACK, command.rollbackId());
        overdue.cancel(deadlines);
        apply(new ProposalRollbackFailed(id, command.rollbackId(), command.error(), pendingRequest.actor()));
    }

    @CommandHandler
    public void handle(RecordAutomationSwitchFailed command) {
        checkExists();
        apply(new ProposalAutomationSwitchFailed(id, command.operation(), command.error(), Actor.system()));
    }

    /**
     * A state Home Assistant reported for the automation: recorded only when the proposal is
     * deployed or disabled with no operation in flight and the state is neither what Aether last
     * made it (on when deployed, off when disabled) nor what was already recorded. Anything else is
     * an echo of Aether's own change or a repeat, and is ignored without an error.
     */
    @CommandHandler
    public void handle(RecordHaStateChange command) {
        if (state.deleted()
                || state.pending() != null
                || state.content().proposalType() != ProposalType.AUTOMATION
                || !(state.status() == ProposalStatus.DEPLOYED || state.status() == ProposalStatus.DISABLED)) {
            return;
        }
        String reported = command.state();
        if (!"on".equals(reported) && !"off".equals(reported)) {
            return;
        }
        String expected = state.status() == ProposalStatus.DEPLOYED ? "on" : "off";
        String known = recordedHaState != null ? recordedHaState : expected;
        if (reported.equals(known)) {
            return;
        }
        apply(new ProposalHaStateChanged(
                id, state.haAutomationId(), command.entityId(), reported, expected, Actor.haNotification()));
    }

    @CommandHandler
    public void handle(DisableProposal command) {
        checkCanChange();
        requireStatus("disable", "disabled", ProposalStatus.DEPLOYED);
        requireAutomation("disabled");
        apply(new ProposalDisabled(id, actorOf(command.actor()), command.reason()));
    }

    @CommandHandler
    public void handle(EnableProposal command) {
        checkCanChange();
        requireStatus("enable", "enabled", ProposalStatus.DISABLED);
        requireAutomation("enabled");
        apply(new ProposalEnabled(id, actorOf(command.actor()), command.reason()));
    }

    @CommandHandler
    public void handle(DeprecateProposal command) {
        checkCanChange();
        requireStatus("deprecate", "deprecated", ProposalStatus.DEPLOYED, ProposalStatus.DISABLED);
        apply(new ProposalDeprecated(id, actorOf(command.actor()), command.reason()));
    }

    @CommandHandler
    public void handle(ArchiveProposal command) {
        checkCanChange();
        requireStatus(
                "archive",
                "archived",
                ProposalStatus.REJECTED,
                ProposalStatus.DISABLED,
                ProposalStatus.DEPRECATED,
                ProposalStatus.ROLLED_BACK);
        apply(new ProposalArchived(id, actorOf(command.actor()), command.reason()));
    }

    @CommandHandler
    public void handle(DeleteProposal command) {
        checkCanChange();
        ProposalStatus status = state.status();
        if (status == ProposalStatus.DEPLOYED) {
            throw new IllegalProposalTransitionException("Cannot delete a proposal in status 'deployed': its "
                    + "automation is live in Home Assistant; roll it back (or disable and archive it) first");
        }
        if (status == ProposalStatus.DISABLED) {
            throw new IllegalProposalTransitionException("Cannot delete a proposal in status 'disabled': its "
                    + "automation is still in Home Assistant; roll it back or archive it first");
        }
        if (state.ownConfigLive()) {
            throw new IllegalProposalTransitionException("Cannot delete a proposal in status '" + status.wire()
                    + "': a configuration it deployed is still in Home Assistant; roll it back first");
        }
        apply(new ProposalDeleted(id, actorOf(command.actor()), command.reason()));
    }

    /**
     * The deadline of a deployment or rollback: when its outcome is still missing, the outcome
     * Home Assistant shows is recorded, or a failure with the reason. A deadline whose operation
     * was resolved meanwhile (its cancel lost, or the proposal deleted) does nothing.
     */
    @DeadlineHandler(deadlineName = OverdueOperations.DEADLINE)
    void on(OverdueOperations.Deadline deadline, DeadlineManager deadlines, OverdueOperations overdue) {
        PendingOperation pending = state.pending();
        if (state.deleted() || pending == null || !pending.operationId().equals(deadline.operationId())) {
            return;
        }
        ProposalCommand outcome = overdue.outcome(state);
        if (outcome instanceof RecordDeploymentSucceeded succeeded) {
            handle(succeeded, deadlines, overdue);
        } else if (outcome instanceof RecordDeploymentFailed failed) {
            handle(failed, deadlines, overdue);
        } else if (outcome instanceof RecordRollbackSucceeded succeeded) {
            handle(succeeded, deadlines, overdue);
        } else if (outcome instanceof RecordRollbackFailed failed) {
            handle(failed, deadlines, overdue);
        } else {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
    }

    /** The one event sourcing handler: the domain fold is the single source of state. */
    @EventSourcingHandler
    void on(ProposalEvent event, @Timestamp Instant at) {
        state = ProposalFold.apply(state, event, at);
        id = state.id();
        if (event instanceof ProposalHaStateChanged changed) {
            recordedHaState = changed.haState();
        } else if (!(event instanceof ProposalAutomationSwitchFailed)) {
            recordedHaState = null; // Aether changed the proposal: HA is expected to follow it
        }
        if (event instanceof ProposalDeploymentRequested || event instanceof ProposalRollbackRequested) {
            pendingRequest = event;
        } else if (state.pending() == null) {
            pendingRequest = null;
        }
    }

    // ---- guards ----

    private void checkExists() {
        if (state.deleted()) {
            throw new ProposalNotFoundException(id);
        }
    }

    /** For every command but the Record* outcomes: exists and no HA operation in flight. */
    private void checkCanChange() {
        checkExists();
        if (state.pending() != null) {
            throw new IllegalProposalTransitionException("a deployment/rollback of this proposal is in progress");
        }
    }

    private void requireStatus(String action, String pastParticiple, ProposalStatus... allowed) {
        Set<ProposalStatus> allowedSet = EnumSet.copyOf(Arrays.asList(allowed));
        if (!allowedSet.contains(state.status())) {
            throw new IllegalProposalTransitionException("Cannot " + action + " a proposal in status '"
                    + state.status().wire() + "'; only " + describe(allowed) + " proposals can be " + pastParticiple);
        }
    }

    /** Turning off/on exists for automations only; other types are deployed and rolled back. */
    private void requireAutomation(String pastParticiple) {
        ProposalType type = state.content().proposalType();
        if (type != ProposalType.AUTOMATION) {
            throw new InvalidProposalCommandException(
                    "Only automation proposals can be " + pastParticiple + "; this one is a " + type.wire());
        }
    }

    private static String describe(ProposalStatus... statuses) {
        String quoted = Arrays.stream(statuses).map(s -> "'" + s.wire() + "'").collect(Collectors.joining(", "));
        int last = quoted.lastIndexOf(", ");
        return last < 0 ? quoted : quoted.substring(0, last) + " or " + quoted.substring(last + 2);
    }

    private PendingOperation requirePending(PendingOperation.Kind kind, UUID operationId) {
        PendingOperation pending = state.pending();
        if (pending == null || pending.kind() != kind || !pending.operationId().equals(operationId)) {
            String what = kind == PendingOperation.Kind.DEPLOYMENT ? "deployment" : "rollback";
            throw new IllegalProposalTransitionException(
                    "no such pending " + what + " " + operationId + " for proposal " + id);
        }
        return pending;
    }

    /** Every command names its principal; the API resolves it from the security context, never from the body. */
    private static Actor actorOf(Actor actor) {
        if (actor == null) {
            throw new InvalidProposalCommandException("the command has no actor");
        }
        return actor;
    }

    private static void requireOperationId(UUID operationId, String name) {
        if (operationId == null) {
            throw new InvalidProposalCommandException(name + " is required");
        }
    }

    private int rollbackTarget(Integer toVersion) {
        if (toVersion == null) {
            return state.defaultRollbackTarget()
                    .orElseThrow(() -> new IllegalProposalTransitionException(
                            "nothing left to roll back: every deployment of this "
                                    + "proposal has already been rolled back; pass to_version to choose a version"));
        }
        int latestAllowed = state.version() - 1;
        if (toVersion < 1 || toVersion > latestAllowed) {
            throw new InvalidProposalCommandException("to_version must be between 1 and " + latestAllowed
                    + " (the proposal is at version " + state.version() + "); got " + toVersion);
        }
        return toVersion;
    }
}
