package io.aether.api.webhook;

/**
 * The webhook's answer (original WebhookResponse). {@code status}: {@code accepted} (schedules
 * ran), {@code no_match}, {@code action_applied}, {@code action_refused} (the proposal or insight
 * was in no state for it), {@code test_action} (a test approval's button), {@code not_found}
 * (no such proposal or insight: nothing recorded) or {@code ignored} (an action id that is not
 * Aether's).
 */
public record WebhookResponse(String status, int matchedSchedules, String message) {}
