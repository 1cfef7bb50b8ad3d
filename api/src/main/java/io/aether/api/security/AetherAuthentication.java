package io.aether.api.security;

import io.aether.domain.actor.Actor;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated owner of a request and how they proved it: {@code bearer} or {@code cookie}
 * (a session token; {@code session} set) or {@code api_key} ({@code apiKeyId} and {@code apiKeyName} set).
 */
public final class AetherAuthentication extends AbstractAuthenticationToken {
    public static final String BEARER = "bearer";
    public static final String COOKIE = "cookie";
    public static final String API_KEY = "api_key";

    private final String username;
    private final String method;
    private final SessionTokens.Session session;
    private final UUID apiKeyId;
    private final String apiKeyName;

    private AetherAuthentication(
            String username, String method, SessionTokens.Session session, UUID apiKeyId, String apiKeyName) {
        super(List.of(new SimpleGrantedAuthority("ROLE_OWNER")));
        this.username = username;
        this.method = method;
        this.session = session;
        this.apiKeyId = apiKeyId;
        this.apiKeyName = apiKeyName;
        setAuthenticated(true);
    }

    static AetherAuthentication session(SessionTokens.Session session, String method) {
        return new AetherAuthentication(session.subject(), method, session, null, null);
    }

    static AetherAuthentication apiKey(String username, UUID apiKeyId, String apiKeyName) {
        return new AetherAuthentication(username, API_KEY, null, apiKeyId, apiKeyName);
    }

    /** The current request's owner; only called behind the authenticated routes. */
    public static AetherAuthentication current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AetherAuthentication aether) {
            return aether;
        }
        throw new IllegalStateException("No authenticated owner on this request");
    }

    public String username() {
        return username;
    }

    public String method() {
        return method;
    }

    /** The session token's claims when authenticated by one, else null. */
    public SessionTokens.Session session() {
        return session;
    }

    public UUID apiKeyId() {
        return apiKeyId;
    }

    /** The principal commands and events record: the API key (id and name) when one was used, else the owner. */
    public Actor actor() {
        return apiKeyId != null ? Actor.apiKey(apiKeyId, apiKeyName) : Actor.user(username);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }
}
