package io.aether.command.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.proposal.LiveConfigChange;
import io.aether.domain.proposal.PendingOperation;
import io.aether.domain.proposal.ProposalCommand;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalFold;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalState;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.RecordAutomationSwitchFailed;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import io.aether.domain.proposal.RecordRollbackFailed;
import io.aether.domain.proposal.RecordRollbackSucceeded;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Performs on Home Assistant what the Proposal aggregate has recorded as intent, and records the
 * outcome with the Record* commands. Crash safety: before acting on an event it folds the
 * proposal's current events and acts only while the operation is still pending, so an event
 * replayed after a restart whose outcome is already stored is skipped. The HA calls themselves are
 * idempotent (deterministic automation id), so repeating one whose outcome was not stored is safe.
 * Logs ids and messages only, never configs.
 */
@Component
@ProcessingGroup(ProposalDeploymentProcess.PROCESSING_GROUP)
public class ProposalDeploymentProcess {

    public static final String PROCESSING_GROUP = "proposal-deployment";
    /** The {@code method} recorded on a deployment made through HA's config REST API. */
    public static final String METHOD_REST_API = "rest_api";

    private static final Logger log = LoggerFactory.getLogger(ProposalDeploymentProcess.class);

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final AutomationGateway automations;
    private final DeploymentTargets targets;

    /** Automations only: the other proposal types have no target (their deployments fail). */
    public ProposalDeploymentProcess(
            CommandGateway commandGateway, EventStore eventStore, AutomationGateway automations) {
        this(commandGateway, eventStore, automations, DeploymentTargets.automationsOnly(automations));
    }

    @Autowired
    public ProposalDeploymentProcess(
            CommandGateway commandGateway,
            EventStore eventStore,
            AutomationGateway automations,
            DeploymentTargets targets) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.automations = automations;
        this.targets = targets;
    }

    @EventHandler
    public void on(ProposalDeploymentRequested event) {
        ProposalState state = currentState(event.proposalId());
        if (!isPending(state, PendingOperation.Kind.DEPLOYMENT, event.deploymentId())) {
            log.debug(
                    "deployment {} of proposal {} already resolved; skipping",
                    event.deploymentId(),
                    event.proposalId());
            return;
        }
        String haId = event.haAutomationId();
        ProposalCommand outcome;
        try {
            DeploymentTarget target = targets.of(state.content().proposalType());
            JsonNode previous = target.current(haId, event.config()).orElse(null);
            if (previous != null && previous.equals(event.config())) {
                // HA already holds exactly this config: a repeat of our own save whose outcome was
                // not stored (crash), or a redeploy of an unchanged config. Either way what was
                // there before is what our history says was live, not what HA shows now.
                previous = state.everDeployed()
                        ? state.liveConfigAt(state.version()).orElse(null)
                        : null;
            }
            target.save(haId, event.config());
            log.info(
                    "deployed proposal {} ({}) as {} (deployment {})",
                    event.proposalId(),
                    target.type().wire(),
                    haId,
                    event.deploymentId());
            outcome =
                    new RecordDeploymentSucceeded(event.proposalId(), event.deploymentId(), previous, target.method());
        } catch (RuntimeException e) {
            String message = messageOf(e);
            log.warn(
                    "deployment {} of proposal {} to HA id {} failed: {}",
                    event.deploymentId(),
                    event.proposalId(),
                    haId,
                    message);
            outcome = new RecordDeploymentFailed(event.proposalId(), event.deploymentId(), message);
        }
        commandGateway.sendAndWait(outcome);
    }

    @EventHandler
    public void on(ProposalRollbackRequested event) {
        ProposalState state = currentState(event.proposalId());
        if (!isPending(state, PendingOperation.Kind.ROLLBACK, event.rollbackId())) {
            log.debug("rollback {} of proposal {} already resolved; skipping", event.rollbackId(), event.proposalId());
            return;
        }
        String haId = event.haAutomationId();
        ProposalCommand outcome;
        try {
            DeploymentTarget target = targets.of(state.content().proposalType());
            JsonNode live = liveOrLastDeployed(state);
            switch (event.action()) {
                case RESTORED -> target.rollBack(haId, live, event.configToRestore());
                case DELETED -> target.rollBack(haId, live, null);
                case DISABLED -> automations.turnOff(haId);
                default -> throw new IllegalStateException("unknown rollback action " + event.action());
            }
            log.info(
                    "rolled back proposal {} to version {} ({} HA id {}, rollback {})",
                    event.proposalId(),
                    event.targetVersion(),
                    event.action().wire(),
                    haId,
                    event.rollbackId());
            outcome = new RecordRollbackSucceeded(event.proposalId(), event.rollbackId());
        } catch (RuntimeException e) {
            String message = messageOf(e);
            log.warn(
                    "rollback {} of proposal {} (HA id {}) failed: {}",
                    event.rollbackId(),
                    event.proposalId(),
                    haId,
                    message);
            outcome = new RecordRollbackFailed(event.proposalId(), event.rollbackId(), message);
        }
        commandGateway.sendAndWait(outcome);
    }

    @EventHandler
    public void on(ProposalDisabled event) {
        switchAutomation(event.proposalId(), ProposalStatus.DISABLED, false);
    }

    @EventHandler
    public void on(ProposalEnabled event) {
        switchAutomation(event.proposalId(), ProposalStatus.DEPLOYED, true);
    }

    /** Turns the automation off/on while the proposal is still in the status the event left it in. */
    private void switchAutomation(UUID proposalId, ProposalStatus expected, boolean on) {
        ProposalState state = currentState(proposalId);
        if (state == null || state.deleted() || state.status() != expected) {
            log.debug(
                    "proposal {} is no longer {}; not turning its automation {}",
                    proposalId,
                    expected.wire(),
                    on ? "on" : "off");
            return;
        }
        String haId = state.haAutomationId();
        try {
            if (on) {
                automations.turnOn(haId);
            } else {
                automations.turnOff(haId);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "turning HA automation {} of proposal {} {} failed: {}",
                    haId,
                    proposalId,
                    on ? "on" : "off",
                    messageOf(e));
            commandGateway.sendAndWait(
                    new RecordAutomationSwitchFailed(proposalId, on ? "turn_on" : "turn_off", messageOf(e)));
        }
    }

    /** The proposal as its stored events say now (null when it has none). */
    private ProposalState currentState(UUID proposalId) {
        ProposalState[] state = {null};
        eventStore
                .readEvents(proposalId.toString())
                .forEachRemaining(m -> state[0] = ProposalFold.apply(state[0], m.getPayload(), m.getTimestamp()));
        return state[0];
    }

    /**
     * What HA holds now by our history (the rollback is pending, so that is the live config before
     * it), else the latest config a deployment sent: targets locate the HA object through it.
     */
    static JsonNode liveOrLastDeployed(ProposalState state) {
        JsonNode live = state.liveConfigAt(state.version()).orElse(null);
        if (live != null) {
            return live;
        }
        JsonNode last = null;
        for (LiveConfigChange change : state.liveTimeline()) {
            if (change.deployment()) {
                last = change.config();
            }
        }
        return last;
    }

    private static boolean isPending(ProposalState state, PendingOperation.Kind kind, UUID operationId) {
        if (state == null) {
            return false;
        }
        PendingOperation pending = state.pending();
        return pending != null
                && pending.kind() == kind
                && pending.operationId().equals(operationId);
    }

    private static String messageOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
