package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.homeassistant.HomeAssistantCalls;
import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.platform.config.AetherProperties;
import io.aether.api.platform.consistency.ReadConsistency;
import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.AutomationConfig;
import io.aether.domain.proposal.CreateProposal;
import io.aether.domain.proposal.ProposalCommand;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.RequestDeployment;
import io.aether.domain.proposal.RequestRollback;
import io.aether.domain.proposal.RollbackStrategy;
import io.aether.domain.proposal.query.FindProposals;
import io.aether.domain.proposal.query.GetProposal;
import io.aether.domain.proposal.query.GetProposalHistory;
import io.aether.domain.proposal.query.ProposalHistory;
import io.aether.domain.proposal.query.ProposalPage;
import io.aether.homeassistant.HomeAssistantException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends proposal commands and queries, and waits for Home Assistant outcomes. */
@Service
public class ProposalService {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final OperationOutcomes outcomes;
    private final ProposalYaml yaml;
    private final HomeAssistantConnection homeAssistant;
    private final AetherProperties properties;
    private final ReadConsistency consistency;

    public ProposalService(
            CommandGateway commands,
            QueryGateway queries,
            OperationOutcomes outcomes,
            ProposalYaml yaml,
            HomeAssistantConnection homeAssistant,
            AetherProperties properties,
            ReadConsistency consistency) {
        this.commands = commands;
        this.queries = queries;
        this.outcomes = outcomes;
        this.yaml = yaml;
        this.homeAssistant = homeAssistant;
        this.properties = properties;
        this.consistency = consistency;
    }

    public ProposalView create(ProposalContent content, Actor actor) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateProposal(id, content, actor));
        return get(id);
    }

    /** Sends a state-changing command and answers the proposal as it is afterwards. */
    public ProposalView change(ProposalCommand command) {
        send(command);
        return get(command.proposalId());
    }

    public void send(ProposalCommand command) {
        commands.sendAndWait(command);
    }

    public ProposalView get(UUID id) {
        return query(GetProposal.current(id), ProposalView.class);
    }

    public ProposalView getAt(UUID id, Integer version, Instant at) {
        return query(new GetProposal(id, version, at), ProposalView.class);
    }

    public ProposalPage list(ProposalStatus status, int limit, int offset, FindProposals.After after) {
        return query(new FindProposals(status, limit, offset, after), ProposalPage.class);
    }

    public ProposalHistory history(UUID id) {
        return query(new GetProposalHistory(id), ProposalHistory.class);
    }

    public Answer<ProposalResponses.Deployment> deploy(UUID id, boolean force, Actor actor, Long expectedVersion) {
        UUID deploymentId = UUID.randomUUID();
        Optional<ProposalEvent> outcome = sendAndAwaitOutcome(
                id, deploymentId, new RequestDeployment(id, deploymentId, force, actor, expectedVersion));
        ProposalView view = get(id);
        String haId = AutomationConfig.haAutomationId(id);
        String yamlContent = yamlContent(view);
        String method = methodOf(view.proposalType());
        if (outcome.isPresent() && outcome.get() instanceof ProposalDeployed deployed) {
            return Answer.done(ProposalResponses.Deployment.succeeded(
                            id, haId, yamlContent, view.deployedAt(), deploymentId, view.status())
                    .withMethod(deployed.method() == null ? method : deployed.method()));
        }
        if (outcome.isPresent() && outcome.get() instanceof ProposalDeploymentFailed failed) {
            ProposalResponses.Deployment body = ProposalResponses.Deployment.failed(
                            id, haId, yamlContent, failed.error(), deploymentId, view.status())
                    .withMethod(method);
            return refusedByHomeAssistant(view.proposalType(), failed.error())
                    ? Answer.refused(body)
                    : Answer.done(body);
        }
        return Answer.pending(ProposalResponses.Deployment.pending(
                        id,
                        haId,
                        yamlContent,
                        "Deployment is in progress; GET the proposal or its history for the outcome",
                        deploymentId,
                        view.status())
                .withMethod(method));
    }

    public Answer<ProposalResponses.Rollback> rollback(
            UUID id, Integer toVersion, RollbackStrategy strategy, Actor actor, String reason, Long expectedVersion) {
        UUID rollbackId = UUID.randomUUID();
        Optional<ProposalEvent> outcome = sendAndAwaitOutcome(
                id,
                rollbackId,
                new RequestRollback(
                        id,
                        rollbackId,
                        toVersion,
                        strategy == null ? RollbackStrategy.RESTORE : strategy,
                        actor,
                        reason,
                        expectedVersion));
        ProposalView view = get(id);
        String haId = AutomationConfig.haAutomationId(id);
        if (outcome.isPresent() && outcome.get() instanceof ProposalRolledBack done) {
            // ha_disabled: HA no longer runs the rolled-back config, whether restored, deleted or turned off.
            return Answer.done(ProposalResponses.Rollback.succeeded(
                    id,
                    haId,
                    true,
                    view.rolledBackAt(),
                    note(done),
                    rollbackId,
                    done.targetVersion(),
                    done.action().wire(),
                    view.status()));
        }
        if (outcome.isPresent() && outcome.get() instanceof ProposalRollbackFailed failed) {
            return Answer.done(ProposalResponses.Rollback.failed(
                    id,
                    haId,
                    failed.error(),
                    "Home Assistant was not changed; the proposal keeps its status",
                    rollbackId,
                    view.status()));
        }
        return Answer.pending(ProposalResponses.Rollback.pending(
                id,
                haId,
                "Rollback is in progress; GET the proposal or its history for the outcome",
                rollbackId,
                view.status()));
    }

    /**
     * Records an HA operation's intent and waits for its outcome event (empty after the wait
     * timeout). The wait is registered first so that a fast outcome is not missed.
     */
    private Optional<ProposalEvent> sendAndAwaitOutcome(UUID proposalId, UUID operationId, ProposalCommand intent) {
        outcomes.expect(operationId);
        try {
            commands.sendAndWait(intent);
        } catch (RuntimeException e) {
            outcomes.forget(operationId);
            throw e;
        }
        Optional<OperationOutcomes.Outcome> outcome =
                outcomes.await(proposalId, operationId, properties.deploy().waitTimeout());
        // The outcome was stored by the process manager, not by this request: lists must show it too.
        outcome.map(OperationOutcomes.Outcome::position).ifPresent(consistency::awaitForResponse);
        return outcome.map(OperationOutcomes.Outcome::event);
    }

    /** An operation's answer; {@code pending} when Home Assistant's outcome was not stored within the wait timeout. */
    /**
     * An operation's answer; {@code pending} when Home Assistant's outcome was not stored within the
     * wait timeout, {@code refused} when HA refused a helper or dashboard (answered 422).
     */
    public record Answer<T>(boolean pending, boolean refused, T body) {
        static <T> Answer<T> done(T body) {
            return new Answer<>(false, false, body);
        }

        static <T> Answer<T> pending(T body) {
            return new Answer<>(true, false, body);
        }

        static <T> Answer<T> refused(T body) {
            return new Answer<>(false, true, body);
        }
    }

    /** The deployment {@code method} of each type, as the original's DeploymentResponse names them. */
    static String methodOf(ProposalType type) {
        return switch (type) {
            case DASHBOARD -> "ws_lovelace_save";
            case HELPER -> "ha_helper_create";
            default -> "rest_api";
        };
    }

    /** A helper or dashboard Home Assistant understood and refused (not one it could not be reached for). */
    private static boolean refusedByHomeAssistant(ProposalType type, String error) {
        return (type == ProposalType.HELPER || type == ProposalType.DASHBOARD)
                && error != null
                && error.startsWith(HomeAssistantCalls.REFUSED);
    }

    private static String note(ProposalRolledBack done) {
        return switch (done.action()) {
            case RESTORED -> "Restored the configuration that was live at version " + done.targetVersion();
            case DELETED ->
                "Removed the automation from Home Assistant: none existed at version " + done.targetVersion();
            case DISABLED -> "Turned the automation off in Home Assistant; its configuration was left in place";
        };
    }

    /** A header comment, then the YAML Home Assistant receives (or the payload, for other types). */
    public String yamlContent(ProposalView view) {
        String header = "# Aether proposal: " + oneLine(view.name()) + "\n"
                + "# id: " + view.id() + "\n"
                + "# type: " + view.proposalType().wire() + ", status: "
                + view.status().wire()
                + ", version: " + view.version() + "\n";
        JsonNode body = view.proposalType() == ProposalType.AUTOMATION
                ? AutomationConfig.build(
                        new ProposalContent(
                                view.proposalType(),
                                view.name(),
                                view.description(),
                                view.trigger(),
                                view.conditions(),
                                view.actions(),
                                view.mode(),
                                view.serviceCall(),
                                view.dashboardConfig(),
                                view.conversationId(),
                                view.sourceInsightId()),
                        AutomationConfig.haAutomationId(view.id()))
                : view.proposalType() == ProposalType.DASHBOARD
                        ? view.dashboardConfig()
                        : view.serviceCall() != null ? view.serviceCall() : view.actions();
        return body == null ? header : header + yaml.dump(body);
    }

    /** on/off/unavailable from HA, not_found when HA has no such automation, null when HA cannot say. */
    public String haState(ProposalView view) {
        if (view.proposalType() != ProposalType.AUTOMATION
                || (view.status() != ProposalStatus.DEPLOYED && view.status() != ProposalStatus.DISABLED)) {
            return null;
        }
        try {
            return homeAssistant
                    .client()
                    .findAutomationEntityId(AutomationConfig.haAutomationId(view.id()))
                    .flatMap(homeAssistant.client()::getState)
                    .map(state -> state.path("state").asText(null))
                    .orElse("not_found");
        } catch (HomeAssistantException e) {
            return null;
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
    }

    private <R> R query(Object query, Class<R> type) {
        return QueryAnswers.answer(queries, query, type);
    }
}
