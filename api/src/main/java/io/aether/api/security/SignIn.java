package io.aether.api.security;

import io.aether.domain.actor.Actor;
import io.aether.domain.security.RecordLoginFailed;
import io.aether.domain.security.RecordLoginSucceeded;
import io.aether.domain.security.SecurityPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The end of every successful sign-in (password, HA token, passkey, Google): a new session token,
 * the session cookie, and a LoginSucceeded event; and the audit of a failed one.
 */
@Component
public class SignIn {
    private final SessionTokens sessions;
    private final SessionCookies cookies;
    private final AuditTrail audit;
    private final AuthProperties properties;

    public SignIn(SessionTokens sessions, SessionCookies cookies, AuditTrail audit, AuthProperties properties) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.audit = audit;
        this.properties = properties;
    }

    /** method: password, ha_token, passkey or google. */
    public AuthResponses.Login succeeded(
            HttpServletRequest request, HttpServletResponse response, String method, String message) {
        SessionTokens.IssuedSession session = sessions.issue();
        audit.record(
                request,
                Actor.user(properties.username()),
                context -> new RecordLoginSucceeded(SecurityPrincipal.ID, method, session.id(), context));
        cookies.set(request, response, session);
        return new AuthResponses.Login(session.token(), properties.username(), message);
    }

    /**
     * Records the failure by nobody proven (anonymous); the attempted user name is kept as the label
     * (truncated), the credential never.
     */
    public void failed(HttpServletRequest request, String method, String attemptedUsername, String reason) {
        audit.record(
                request,
                Actor.anonymous(),
                attemptedUsername,
                context -> new RecordLoginFailed(SecurityPrincipal.ID, method, attemptedUsername, reason, context));
    }

    /** A session for setup's caller, without a login event (SetupCompleted is the record). */
    public SessionTokens.IssuedSession sessionAfterSetup(HttpServletRequest request, HttpServletResponse response) {
        SessionTokens.IssuedSession session = sessions.issue();
        cookies.set(request, response, session);
        return session;
    }
}
