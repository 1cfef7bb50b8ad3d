package io.aether.api.security.ratelimit;

import io.aether.api.platform.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends one attempt from the client's bucket on every POST to a rate-limited authentication
 * endpoint (or the HA webhook, public behind its secret), before anything reads the body; an empty bucket answers 429 with Retry-After and the
 * request goes no further. Every other request passes untouched. Two instances:
 * {@link #signIn} for the public sign-in routes, a servlet filter ahead of everything
 * ({@link RateLimitConfiguration}), and {@link #sessionOnly} for routes that need a session, placed
 * in the security chain after authorization, so that an anonymous caller is refused (401) before
 * it can spend anything, and never from a sign-in bucket.
 */
public class AuthRateLimitFilter extends OncePerRequestFilter {
    static final String ERROR_TYPE = "rate_limited";
    static final Map<String, RateLimitedAction> SIGN_IN = Map.of(
            "/api/v1/auth/login", RateLimitedAction.LOGIN,
            "/api/v1/auth/login/ha-token", RateLimitedAction.LOGIN,
            "/api/v1/auth/setup", RateLimitedAction.SETUP,
            "/api/v1/auth/passkey/authenticate/verify", RateLimitedAction.PASSKEY_VERIFY,
            "/api/v1/webhooks/ha", RateLimitedAction.WEBHOOK);
    static final Map<String, RateLimitedAction> SESSION_ONLY =
            Map.of("/api/v1/auth/google/callback", RateLimitedAction.GOOGLE_LINK);

    private final AuthRateLimiter limiter;
    private final ErrorResponses errors;
    private final Map<String, RateLimitedAction> actions;

    private AuthRateLimitFilter(
            AuthRateLimiter limiter, ErrorResponses errors, Map<String, RateLimitedAction> actions) {
        this.limiter = limiter;
        this.errors = errors;
        this.actions = actions;
    }

    /** For the public sign-in routes: runs before anything else looks at the request. */
    public static AuthRateLimitFilter signIn(AuthRateLimiter limiter, ErrorResponses errors) {
        return new AuthRateLimitFilter(limiter, errors, SIGN_IN);
    }

    /** For routes that need a session: to be run after authorization, never for anonymous callers. */
    public static AuthRateLimitFilter sessionOnly(AuthRateLimiter limiter, ErrorResponses errors) {
        return new AuthRateLimitFilter(limiter, errors, SESSION_ONLY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitedAction action = actionOf(request, actions);
        if (action != null) {
            AuthRateLimiter.Decision decision = limiter.tryConsume(action, request.getRemoteAddr());
            if (!decision.allowed()) {
                refuse(request, response, decision.retryAfterSeconds());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The action a request attempts, or null when it is not rate limited. */
    static RateLimitedAction actionOf(HttpServletRequest request, Map<String, RateLimitedAction> actions) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        // The container's decoded and normalised path, without ;parameters: matching the raw URI
        // would let %-escapes or ;x=y reach the same controller without spending an attempt.
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
        return actions.get(path);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        errors.write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                ERROR_TYPE,
                "Too many attempts; try again in " + retryAfterSeconds
                        + (retryAfterSeconds == 1 ? " second" : " seconds"));
    }
}
