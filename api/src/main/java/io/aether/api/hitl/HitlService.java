package io.aether.api.hitl;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.command.hitl.NotificationChannel.Button;
import io.aether.domain.actor.Actor;
import io.aether.domain.hitl.ActionIds;
import io.aether.domain.hitl.ActionOutcome;
import io.aether.domain.hitl.NotificationDecision;
import io.aether.domain.hitl.NotificationKind;
import io.aether.domain.hitl.RecordNotificationAction;
import io.aether.domain.hitl.RecordNotificationSent;
import io.aether.domain.hitl.query.ListNotificationActions;
import io.aether.domain.hitl.query.ListNotificationsSent;
import io.aether.domain.hitl.query.NotificationActionView;
import io.aether.domain.hitl.query.NotificationActions;
import io.aether.domain.hitl.query.NotificationsSent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** The HITL endpoints' work: list HA's notify services, send test notifications, read the recorded actions. */
@Service
public class HitlService {
    static final String DEFAULT_TEST_MESSAGE = "This is a test notification from Aether.";
    static final String DEFAULT_APPROVAL_TITLE = "Test Action";
    static final String DEFAULT_APPROVAL_DESCRIPTION = "Preheat oven to 200C for pizza";

    private final HomeAssistantConnection connection;
    private final NotifyServices notify;
    private final HitlProperties properties;
    private final CommandGateway commands;
    private final QueryGateway queries;

    public HitlService(
            HomeAssistantConnection connection,
            NotifyServices notify,
            HitlProperties properties,
            CommandGateway commands,
            QueryGateway queries) {
        this.connection = connection;
        this.notify = notify;
        this.properties = properties;
        this.commands = commands;
        this.queries = queries;
    }

    /** HA's {@code notify} domain from {@code GET /api/services}, by name. */
    public HitlResponses.NotifyServices notifyServices() {
        List<HitlResponses.NotifyService> found = new ArrayList<>();
        for (JsonNode domain : connection.client().getServices()) {
            if (!"notify".equals(domain.path("domain").asText())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            domain.path("services").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> service = it.next();
                found.add(new HitlResponses.NotifyService(
                        "notify." + service.getKey(),
                        service.getValue().path("name").asText(service.getKey()),
                        service.getValue().path("description").asText(""),
                        service.getKey().startsWith("mobile_app_")));
            }
        }
        found.sort(Comparator.comparing(HitlResponses.NotifyService::service));
        return new HitlResponses.NotifyServices(
                found,
                found.size(),
                properties.configured() ? properties.notifyService().strip() : null);
    }

    public HitlResponses.TestNotificationSent testNotification(HitlRequests.TestNotification request, Actor actor) {
        String service = NotifyServices.check(request.notifyService());
        String message = blank(request.message()) ? DEFAULT_TEST_MESSAGE : request.message();
        String title = "Aether test notification";
        notify.send(service, title, message, List.of(), null);
        record(NotificationKind.TEST, null, service, title, message, List.of(), actor);
        return new HitlResponses.TestNotificationSent(true, service, "Test notification sent to " + service);
    }

    /** Sends Approve/Reject buttons for a made-up proposal id; pressing one is recorded without touching any proposal. */
    public HitlResponses.TestApprovalSent testApproval(HitlRequests.TestApproval request, Actor actor) {
        String service = NotifyServices.check(request.notifyService());
        String proposalId = UUID.randomUUID().toString();
        String title = blank(request.title()) ? DEFAULT_APPROVAL_TITLE : request.title();
        String description = blank(request.description()) ? DEFAULT_APPROVAL_DESCRIPTION : request.description();
        List<Button> buttons = List.of(
                new Button(ActionIds.of(NotificationDecision.APPROVE, proposalId), "Approve"),
                new Button(ActionIds.of(NotificationDecision.REJECT, proposalId), "Reject"));
        notify.send(service, "Aether: approve \"" + title + "\"?", description, buttons, "aether-" + proposalId);
        List<String> actions = buttons.stream().map(Button::action).toList();
        record(NotificationKind.TEST_APPROVAL, proposalId, service, title, description, actions, actor);
        return new HitlResponses.TestApprovalSent(
                true, service, proposalId, actions, "Test approval sent to " + service + "; press a button");
    }

    public HitlResponses.ActionStatus actionStatus(String proposalId) {
        List<NotificationActionView> actions = actions(proposalId, 1);
        if (actions.isEmpty()) {
            return new HitlResponses.ActionStatus(false, proposalId, null, null, null, null, null);
        }
        NotificationActionView last = actions.get(0);
        return new HitlResponses.ActionStatus(
                true,
                proposalId,
                last.decision().wire(),
                last.outcome().wire(),
                last.detail(),
                last.actor(),
                last.receivedAt());
    }

    public HitlResponses.RecentActions recentActions(int limit) {
        List<HitlResponses.Action> actions =
                actions(null, limit).stream().map(HitlResponses.Action::of).toList();
        return new HitlResponses.RecentActions(actions, actions.size());
    }

    /** True when a test approval was sent for this made-up proposal id. */
    public boolean testApprovalSent(String proposalId) {
        return QueryAnswers.answer(queries, new ListNotificationsSent(proposalId, 10), NotificationsSent.class)
                .items()
                .stream()
                .anyMatch(n -> n.kind() == NotificationKind.TEST_APPROVAL);
    }

    /** Records an action that came back through the webhook. */
    public void recordAction(
            NotificationDecision decision,
            NotificationKind kind,
            String targetId,
            ActionOutcome outcome,
            String detail,
            Actor actor) {
        commands.sendAndWait(
                new RecordNotificationAction(UUID.randomUUID(), decision, kind, targetId, outcome, detail, actor));
    }

    private List<NotificationActionView> actions(String targetId, int limit) {
        return Optional.ofNullable(QueryAnswers.answer(
                        queries, new ListNotificationActions(targetId, limit), NotificationActions.class))
                .map(NotificationActions::items)
                .orElse(List.of());
    }

    private void record(
            NotificationKind kind,
            String targetId,
            String service,
            String title,
            String message,
            List<String> actions,
            Actor actor) {
        commands.sendAndWait(
                new RecordNotificationSent(UUID.randomUUID(), kind, targetId, service, title, message, actions, actor));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
