package io.aether.api.webhook;

import io.aether.api.hitl.HitlService;
import io.aether.api.insight.InsightScheduleService;
import io.aether.api.insight.InsightService;
import io.aether.api.proposal.ProposalService;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.hitl.ActionIds;
import io.aether.domain.hitl.ActionOutcome;
import io.aether.domain.hitl.NotificationDecision;
import io.aether.domain.hitl.NotificationKind;
import io.aether.domain.insight.DismissInsight;
import io.aether.domain.insight.schedule.RunTrigger;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import io.aether.domain.insight.schedule.query.InsightScheduleList;
import io.aether.domain.insight.schedule.query.InsightScheduleView;
import io.aether.domain.proposal.ApproveProposal;
import io.aether.domain.proposal.RejectProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a Home Assistant webhook does: a {@code mobile_app_notification_action} sends the
 * decision its action id names (actor {@code ha-notification}) and records it; any other event
 * runs the enabled webhook schedules it matches ({@link WebhookMatch}), each run recorded on its
 * schedule with trigger {@code webhook}.
 */
@Service
public class WebhookService {
    static final String NOTIFICATION_ACTION = "mobile_app_notification_action";
    private static final int PAGE = 200;
    private static final int MAX_ECHO = 200;
    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

    private final InsightScheduleService schedules;
    private final ProposalService proposals;
    private final InsightService insights;
    private final HitlService hitl;

    public WebhookService(
            InsightScheduleService schedules, ProposalService proposals, InsightService insights, HitlService hitl) {
        this.schedules = schedules;
        this.proposals = proposals;
        this.insights = insights;
        this.hitl = hitl;
    }

    public WebhookResponse receive(WebhookPayload payload) {
        if (NOTIFICATION_ACTION.equals(payload.eventType())) {
            return action(payload.dataText("action"));
        }
        return runSchedules(payload);
    }

    private WebhookResponse runSchedules(WebhookPayload payload) {
        List<InsightScheduleView> matched = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            InsightScheduleList page = schedules.list(ScheduleTrigger.WEBHOOK, true, PAGE, offset);
            page.items().stream()
                    .filter(s -> WebhookMatch.matches(s.settings(), payload))
                    .forEach(matched::add);
            if (page.items().size() < PAGE) {
                break;
            }
        }
        if (matched.isEmpty()) {
            return new WebhookResponse(
                    "no_match", 0, "No enabled webhook schedule matches '" + shorten(payload.label()) + "'");
        }
        int started = 0;
        List<String> failed = new ArrayList<>();
        for (InsightScheduleView schedule : matched) {
            try {
                if (schedules
                        .run(schedule.id(), RunTrigger.WEBHOOK, Actor.haNotification())
                        .isPresent()) {
                    started++;
                }
            } catch (RuntimeException e) {
                log.warn("webhook run of schedule {} failed: {}", schedule.id(), e.getMessage());
                failed.add(schedule.settings().name() + ": " + e.getMessage());
            }
        }
        String message = "Started " + started + " of " + matched.size() + " matching schedule(s)"
                + (failed.isEmpty() ? "" : "; failed: " + String.join("; ", failed));
        return new WebhookResponse("accepted", matched.size(), message);
    }

    private WebhookResponse action(String actionId) {
        Optional<ActionIds.Parsed> parsed = ActionIds.parse(actionId);
        if (parsed.isEmpty()) {
            return new WebhookResponse(
                    "ignored",
                    0,
                    actionId == null
                            ? "The notification action has no data.action"
                            : "Action '" + shorten(actionId)
                                    + "' is not one of APPROVE_<id>, REJECT_<id>, DISMISS_<id>");
        }
        NotificationDecision decision = parsed.get().decision();
        UUID target = parsed.get().targetId();
        return decision == NotificationDecision.DISMISS ? dismiss(target) : decide(decision, target);
    }

    private WebhookResponse decide(NotificationDecision decision, UUID proposalId) {
        String id = proposalId.toString();
        if (!exists(() -> proposals.get(proposalId))) {
            if (hitl.testApprovalSent(id)) {
                hitl.recordAction(
                        decision,
                        NotificationKind.TEST_APPROVAL,
                        id,
                        ActionOutcome.TEST,
                        "Test approval answered: " + decision.wire(),
                        Actor.haNotification());
                return new WebhookResponse("test_action", 0, "Test approval " + id + ": " + decision.wire());
            }
            return new WebhookResponse("not_found", 0, "No proposal " + id + "; nothing recorded");
        }
        Runnable command = decision == NotificationDecision.APPROVE
                ? () -> proposals.send(new ApproveProposal(
                        proposalId, Actor.haNotification(), null, "Approved from a Home Assistant notification", null))
                : () -> proposals.send(new RejectProposal(
                        proposalId, Actor.haNotification(), null, "Rejected from a Home Assistant notification", null));
        String done = decision == NotificationDecision.APPROVE ? "approved" : "rejected";
        return apply(decision, NotificationKind.PROPOSAL, id, command, "Proposal " + id + " " + done);
    }

    private WebhookResponse dismiss(UUID insightId) {
        String id = insightId.toString();
        if (!exists(() -> insights.get(insightId))) {
            return new WebhookResponse("not_found", 0, "No insight " + id + "; nothing recorded");
        }
        return apply(
                NotificationDecision.DISMISS,
                NotificationKind.INSIGHT,
                id,
                () -> insights.send(new DismissInsight(
                        insightId, Actor.haNotification(), "Dismissed from a Home Assistant notification")),
                "Insight " + id + " dismissed");
    }

    /** Sends the command; a refusal by the target's state is recorded as refused, not thrown. */
    private WebhookResponse apply(
            NotificationDecision decision, NotificationKind kind, String id, Runnable command, String done) {
        try {
            command.run();
        } catch (RuntimeException e) {
            if (e instanceof ErrorKind.Carrier carrier && carrier.kind() == ErrorKind.CONFLICT) {
                String reason = shorten(e.getMessage());
                hitl.recordAction(decision, kind, id, ActionOutcome.REFUSED, reason, Actor.haNotification());
                return new WebhookResponse("action_refused", 0, reason);
            }
            throw e;
        }
        hitl.recordAction(decision, kind, id, ActionOutcome.APPLIED, done, Actor.haNotification());
        return new WebhookResponse("action_applied", 0, done);
    }

    /** Request text echoed in an answer or a record, cut to a readable length. */
    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private static boolean exists(Supplier<Object> lookup) {
        try {
            return lookup.get() != null;
        } catch (RuntimeException e) {
            if (e instanceof ErrorKind.Carrier carrier && carrier.kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
