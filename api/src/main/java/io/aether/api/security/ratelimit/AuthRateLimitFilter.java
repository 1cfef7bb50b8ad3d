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
 * Spends one attempt from the client's bucket on every POST to an authentication endpoint, before
 * anything reads the body; an empty bucket answers 429 with Retry-After and the request goes no
 * further. Every other request passes untouched. Registered by {@link RateLimitConfiguration}.
 */
public class AuthRateLimitFilter extends OncePerRequestFilter {
    static final String ERROR_TYPE = "rate_limited";
    private static final Map<String, RateLimitedAction> ACTIONS = Map.of(
            "/api/v1/auth/login", RateLimitedAction.LOGIN,
            "/api/v1/auth/login/ha-token", RateLimitedAction.LOGIN,
            "/api/v1/auth/google/callback", RateLimitedAction.LOGIN,
            "/api/v1/auth/setup", RateLimitedAction.SETUP,
            "/api/v1/auth/passkey/authenticate/verify", RateLimitedAction.PASSKEY_VERIFY);

    private final AuthRateLimiter limiter;
    private final ErrorResponses errors;

    public AuthRateLimitFilter(AuthRateLimiter limiter, ErrorResponses errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitedAction action = actionOf(request);
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
    static RateLimitedAction actionOf(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        // The container's decoded and normalised path, without ;parameters: matching the raw URI
        // would let %-escapes or ;x=y reach the same controller without spending an attempt.
        String pathInfo = request.getPathInfo();
        String path = pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
        return ACTIONS.get(path);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ERROR_TYPE,
                "Too many attempts; try again in " + retryAfterSeconds + (retryAfterSeconds == 1 ? " second" : " seconds"));
    }
}
