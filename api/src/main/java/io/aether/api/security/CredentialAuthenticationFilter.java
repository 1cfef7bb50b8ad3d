package io.aether.api.security;

import io.aether.api.platform.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authenticates a request from the first credential it presents, in this order: the
 * Authorization header (Bearer session token), X-API-Key, the api_key query parameter, the
 * aether_session cookie. A credential that is presented but invalid is a 401: the next kind is
 * never tried. On public routes an invalid credential is ignored (a stale cookie must not stop
 * anyone from signing in again).
 */
public class CredentialAuthenticationFilter extends OncePerRequestFilter {
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String API_KEY_PARAMETER = "api_key";

    private final SessionTokens sessions;
    private final ApiKeys apiKeys;
    private final AuthProperties properties;
    private final CrossSiteRequestGuard crossSite;
    private final ErrorResponses errors;

    public CredentialAuthenticationFilter(
            SessionTokens sessions,
            ApiKeys apiKeys,
            AuthProperties properties,
            CrossSiteRequestGuard crossSite,
            ErrorResponses errors) {
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.crossSite = crossSite;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AetherAuthentication authentication;
        try {
            authentication = authenticate(request);
        } catch (InvalidCredentialException e) {
            if (PublicRoutes.matches(request)) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            errors.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage());
            return;
        } catch (DataAccessException e) {
            // Revocation and API keys live in PostgreSQL: without it no credential can be checked.
            if (PublicRoutes.matches(request)) {
                chain.doFilter(request, response);
                return;
            }
            errors.write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service_unavailable",
                    "The database is unavailable; try again later");
            return;
        }
        if (authentication != null
                && AetherAuthentication.COOKIE.equals(authentication.method())
                && !crossSite.allowed(request)) {
            errors.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Cross-site request refused: a request authenticated by the session cookie must come from "
                            + "Aether's own origin (other clients use an Authorization header or an API key)");
            return;
        }
        if (authentication != null) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The owner this request authenticates as, null when it presents no credential at all. */
    private AetherAuthentication authenticate(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String[] parts = authorization.strip().split("\\s+", 2);
            if (parts.length != 2 || !"bearer".equalsIgnoreCase(parts[0])) {
                throw new InvalidCredentialException("Unsupported Authorization header: use \"Bearer <token>\"");
            }
            return AetherAuthentication.session(sessions.verify(parts[1]), AetherAuthentication.BEARER);
        }
        String headerKey = request.getHeader(API_KEY_HEADER);
        if (headerKey != null) {
            return apiKey(headerKey);
        }
        Optional<String> queryKey = queryApiKey(request);
        if (queryKey.isPresent()) {
            return apiKey(queryKey.get());
        }
        Optional<String> cookie = sessionCookie(request);
        if (cookie.isPresent()) {
            return AetherAuthentication.session(sessions.verify(cookie.get()), AetherAuthentication.COOKIE);
        }
        return null;
    }

    private AetherAuthentication apiKey(String secret) {
        return apiKeys.authenticate(secret.strip())
                .map(key -> AetherAuthentication.apiKey(properties.username(), key.id(), key.name()))
                .orElseThrow(() -> new InvalidCredentialException("API key is invalid or has been revoked"));
    }

    /** From the query string only: a form body must not be able to smuggle a key in. */
    private static Optional<String> queryApiKey(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !query.contains(API_KEY_PARAMETER)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(UriComponentsBuilder.newInstance()
                            .query(query)
                            .build(false)
                            .getQueryParams()
                            .getFirst(API_KEY_PARAMETER))
                    .map(value -> java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new InvalidCredentialException("API key is invalid or has been revoked");
        }
    }

    private static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (SessionCookies.NAME.equals(cookie.getName())
                    && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
