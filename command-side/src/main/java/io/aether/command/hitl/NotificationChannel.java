package io.aether.command.hitl;

import io.aether.domain.insight.InsightImpact;
import java.util.List;
import java.util.Optional;

/**
 * Port to the person's phone: which Home Assistant notify service to use right now, and the push
 * itself. The api module implements it with the settings ({@code notifications}) and the HA client.
 */
public interface NotificationChannel {

    /**
     * The notify service to push to now, or empty when nothing should go out: no service
     * configured, notifications disabled, quiet hours, or (for an insight) an impact below
     * {@code notifications.min_impact}.
     *
     * @param insightImpact the insight's impact; null for a proposal
     */
    Optional<String> serviceNow(InsightImpact insightImpact);

    /** Calls the notify service with buttons for the action ids; throws with HA's message when it fails. */
    void push(String notifyService, String title, String message, List<Button> buttons);

    /** One actionable button: the action id that comes back through the webhook and its label. */
    record Button(String action, String title) {}
}
