package io.aether.domain.security;

import io.aether.domain.actor.Actor;

/**
 * Who performed a security-relevant action and from where. {@code actor} is the principal: the
 * authenticated caller, the owner a sign-in proved, or anonymous for a refused one. {@code label}
 * is what the request claimed (the user name typed into a refused sign-in): attacker-controlled, so
 * it is capped, as is userAgent, before it reaches the event store. label, clientAddress and
 * userAgent may be null.
 */
public record AuditContext(Actor actor, String label, String clientAddress, String userAgent) {
    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_USER_AGENT_LENGTH = 512;

    public AuditContext {
        label = truncate(label, MAX_LABEL_LENGTH);
        userAgent = truncate(userAgent, MAX_USER_AGENT_LENGTH);
    }

    /** Cuts to at most max chars without splitting a surrogate pair (a lone half breaks JSON writers). */
    private static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
