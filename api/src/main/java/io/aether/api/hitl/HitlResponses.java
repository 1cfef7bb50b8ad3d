package io.aether.api.hitl;

import io.aether.domain.hitl.query.NotificationActionView;
import java.time.Instant;
import java.util.List;

/** Answers of the HITL endpoints (the original's are untyped objects; these are their fields). */
public final class HitlResponses {
    private HitlResponses() {}

    /** One HA notify service; {@code mobile_app} for the Companion app's, which can show buttons. */
    public record NotifyService(String service, String name, String description, boolean mobileApp) {}

    /** {@code configured_service}: the one proposals and insights are pushed to (null: none). */
    public record NotifyServices(List<NotifyService> services, int total, String configuredService) {}

    public record TestNotificationSent(boolean success, String notifyService, String message) {}

    /** {@code proposal_id} is made up for the test: poll {@code /hitl/action-status/{proposal_id}}. */
    public record TestApprovalSent(
            boolean success, String notifyService, String proposalId, List<String> actions, String message) {}

    public record Action(
            String id,
            String action,
            String kind,
            String targetId,
            String outcome,
            String detail,
            String actor,
            Instant receivedAt) {
        static Action of(NotificationActionView view) {
            return new Action(
                    view.id().toString(),
                    view.decision().wire(),
                    view.kind().wire(),
                    view.targetId(),
                    view.outcome().wire(),
                    view.detail(),
                    view.actor(),
                    view.receivedAt());
        }
    }

    /** {@code received: false} (and nulls) until an action for the proposal came back through the webhook. */
    public record ActionStatus(
            boolean received,
            String proposalId,
            String action,
            String outcome,
            String detail,
            String actor,
            Instant receivedAt) {}

    public record RecentActions(List<Action> actions, int count) {}
}
