package io.aether.domain.security;

/**
 * Who performed a security-relevant action and from where. actor and userAgent come from the
 * request (attacker-controlled), so they are capped before they reach the event store;
 * clientAddress and userAgent may be null when unknown.
 */
public record AuditContext(String actor, String clientAddress, String userAgent) {
    public static final int MAX_ACTOR_LENGTH = 100;
    public static final int MAX_USER_AGENT_LENGTH = 512;

    public AuditContext {
        actor = truncate(actor, MAX_ACTOR_LENGTH);
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
