package io.aether.command.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.proposal.PendingOperation;
import io.aether.domain.proposal.ProposalCommand;
import io.aether.domain.proposal.ProposalState;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RecordDeploymentFailed;
import io.aether.domain.proposal.RecordDeploymentSucceeded;
import io.aether.domain.proposal.RecordRollbackFailed;
import io.aether.domain.proposal.RecordRollbackSucceeded;
import io.aether.domain.proposal.RollbackAction;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadline of every pending deployment or rollback, so that no proposal waits forever for an
 * outcome the process manager can no longer record (its node died, its processor is stuck).
 * {@link ProposalAggregate} schedules the deadline in the transaction that records the intent and
 * cancels it in the one that records the outcome; the deadline lives in the PostgreSQL-backed
 * scheduler, so it survives restarts and fires on one node only. When it fires and the operation
 * is still pending, {@link #outcome} asks Home Assistant what it actually holds, through the
 * proposal type's {@link DeploymentTarget}, and answers with the Record* command that tells the
 * truth: done, or failed with the reason. A one-off service call ({@code entity_command}) leaves
 * nothing to compare, so an overdue one is a failure that says so.
 */
@Component
public class OverdueOperations {

    /** The name of the deadline, one per pending operation, scoped to its proposal. */
    public static final String DEADLINE = "proposal-operation-deadline";

    private static final Logger log = LoggerFactory.getLogger(OverdueOperations.class);

    private final AutomationGateway automations;
    private final DeploymentTargets targets;
    private final Duration timeout;

    @Autowired
    public OverdueOperations(
            AutomationGateway automations,
            DeploymentTargets targets,
            @Value("${aether.deploy.operation-deadline:5m}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("aether.deploy.operation-deadline must be positive; got " + timeout);
        }
        this.automations = automations;
        this.targets = targets;
        this.timeout = timeout;
    }

    /** Automations only (tests of the automation path). */
    public OverdueOperations(AutomationGateway automations, Duration timeout) {
        this(automations, DeploymentTargets.automationsOnly(automations), timeout);
    }

    /** The payload of the deadline: which operation it guards (a later one must not be resolved by it). */
    public record Deadline(UUID operationId) {}

    /** Schedules the deadline of the operation just requested, in the current aggregate's scope. */
    void schedule(DeadlineManager deadlines, UUID operationId) {
        deadlines.schedule(timeout, DEADLINE, new Deadline(operationId));
    }

    /** Cancels the deadline of the current aggregate's operation (its outcome is being recorded). */
    void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(DEADLINE);
    }

    /**
     * The outcome Home Assistant shows for the overdue operation, as the Record* command that
     * resolves it. Never throws: an unreachable HA is a failure with that reason.
     */
    ProposalCommand outcome(ProposalState state) {
        PendingOperation pending = state.pending();
        UUID proposalId = state.id();
        String haId = state.haAutomationId();
        String late = "no outcome was recorded within " + describe(timeout);
        ProposalType type = state.content().proposalType();
        if (type == ProposalType.ENTITY_COMMAND && pending.kind() == PendingOperation.Kind.DEPLOYMENT) {
            return deploymentFailed(
                    state,
                    late + "; a service call leaves no configuration in Home Assistant to check, so look at the"
                            + " entities and repeat it if needed");
        }
        try {
            DeploymentTarget target = targets.of(type);
            JsonNode locator = pending.kind() == PendingOperation.Kind.DEPLOYMENT
                            || pending.rollbackAction() == RollbackAction.RESTORED
                    ? pending.config()
                    : ProposalDeploymentProcess.liveOrLastDeployed(state);
            Optional<JsonNode> current = target.current(haId, locator);
            if (pending.kind() == PendingOperation.Kind.DEPLOYMENT) {
                if (current.isPresent() && current.get().equals(pending.config())) {
                    log.info(
                            "deployment {} of proposal {} is overdue; HA holds its config: recording it as deployed",
                            pending.operationId(),
                            proposalId);
                    // What HA held before is lost with the process that saved it; our history's
                    // live config is the best account (as when the process repeats its own save).
                    JsonNode previous = state.everDeployed()
                            ? state.liveConfigAt(state.version()).orElse(null)
                            : null;
                    return new RecordDeploymentSucceeded(
                            proposalId, pending.operationId(), previous, ProposalDeploymentProcess.METHOD_REST_API);
                }
                return deploymentFailed(state, late + "; Home Assistant does not hold the configuration");
            }
            Optional<String> missing = switch (pending.rollbackAction()) {
                case RESTORED ->
                    current.isPresent() && current.get().equals(pending.config())
                            ? Optional.empty()
                            : Optional.of("Home Assistant does not hold the restored configuration");
                case DELETED ->
                    current.isEmpty()
                            ? Optional.empty()
                            : Optional.of("Home Assistant still holds the "
                                    + type.wire().replace('_', ' '));
                case DISABLED ->
                    current.isPresent()
                                    && automations.isOn(haId).filter(on -> !on).isPresent()
                            ? Optional.empty()
                            : Optional.of("the automation is not off in Home Assistant");
            };
            if (missing.isEmpty()) {
                log.info(
                        "rollback {} of proposal {} is overdue; HA shows it done: recording it as rolled back",
                        pending.operationId(),
                        proposalId);
                return new RecordRollbackSucceeded(proposalId, pending.operationId());
            }
            return rollbackFailed(state, late + "; " + missing.get());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getSimpleName()
                    : e.getMessage();
            String reason = late + " and Home Assistant could not be checked: " + message;
            return pending.kind() == PendingOperation.Kind.DEPLOYMENT
                    ? deploymentFailed(state, reason)
                    : rollbackFailed(state, reason);
        }
    }

    private static ProposalCommand deploymentFailed(ProposalState state, String reason) {
        log.warn("deployment {} of proposal {} is overdue: {}", state.pending().operationId(), state.id(), reason);
        return new RecordDeploymentFailed(state.id(), state.pending().operationId(), reason);
    }

    private static ProposalCommand rollbackFailed(ProposalState state, String reason) {
        log.warn("rollback {} of proposal {} is overdue: {}", state.pending().operationId(), state.id(), reason);
        return new RecordRollbackFailed(state.id(), state.pending().operationId(), reason);
    }

    /** 5m, 90s, 1500ms: the setting as people write it. */
    static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
