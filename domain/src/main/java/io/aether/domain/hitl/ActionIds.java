package io.aether.domain.hitl;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The action ids on notification buttons: {@code APPROVE_<id>}, {@code REJECT_<id>} (a proposal)
 * and {@code DISMISS_<id>} (an insight), the same strings the original's Companion-app buttons use.
 */
public final class ActionIds {
    private ActionIds() {}

    /** A parsed action id: the decision and the target's id. */
    public record Parsed(NotificationDecision decision, UUID targetId) {}

    public static String of(NotificationDecision decision, Object targetId) {
        return decision.name() + "_" + targetId;
    }

    /**
     * The decision and target of an action id, or empty when it is not one of ours (another
     * prefix such as the original's {@code INVESTIGATE_}, or a target that is not a UUID).
     */
    public static Optional<Parsed> parse(String actionId) {
        if (actionId == null) {
            return Optional.empty();
        }
        int cut = actionId.indexOf('_');
        if (cut <= 0) {
            return Optional.empty();
        }
        NotificationDecision decision;
        try {
            decision = NotificationDecision.valueOf(actionId.substring(0, cut).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(decision, UUID.fromString(actionId.substring(cut + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
