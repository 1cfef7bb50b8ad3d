package io.aether.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The only routes answered without a credential; everything else needs one (docs/api.md). */
public final class PublicRoutes {
    private static final PathPatternRequestMatcher.Builder PATH = PathPatternRequestMatcher.withDefaults();

    public static final List<RequestMatcher> MATCHERS = List.of(
            PATH.matcher(HttpMethod.GET, "/api/v1/health"),
            PATH.matcher(HttpMethod.GET, "/api/v1/ready"),
            PATH.matcher(HttpMethod.GET, "/api/v1/status"),
            PATH.matcher(HttpMethod.GET, "/api/v1/auth/setup-status"),
            PATH.matcher(HttpMethod.POST, "/api/v1/auth/setup"),
            PATH.matcher(HttpMethod.POST, "/api/v1/auth/login"),
            PATH.matcher(HttpMethod.POST, "/api/v1/auth/login/ha-token"),
            PATH.matcher(HttpMethod.POST, "/api/v1/auth/passkey/authenticate/options"),
            PATH.matcher(HttpMethod.POST, "/api/v1/auth/passkey/authenticate/verify"),
            // Home Assistant calling back: no session, guarded by X-Webhook-Secret (WebhookSecret).
            PATH.matcher(HttpMethod.POST, "/api/v1/webhooks/ha"),
            // The sign-in page and its script.
            PATH.matcher(HttpMethod.GET, "/login"),
            PATH.matcher(HttpMethod.GET, "/login/**"),
            // API description and Swagger UI (/api/docs redirects to /api/swagger-ui/index.html).
            PATH.matcher(HttpMethod.GET, "/api/openapi.json"),
            PATH.matcher(HttpMethod.GET, "/api/openapi.json/**"),
            PATH.matcher(HttpMethod.GET, "/api/openapi.json.yaml"),
            PATH.matcher(HttpMethod.GET, "/api/openapi.json.yaml/**"),
            PATH.matcher(HttpMethod.GET, "/api/docs"),
            PATH.matcher(HttpMethod.GET, "/api/docs/**"),
            PATH.matcher(HttpMethod.GET, "/api/swagger-ui/**"));

    private static final RequestMatcher ANY = new OrRequestMatcher(MATCHERS);

    private PublicRoutes() {}

    public static boolean matches(HttpServletRequest request) {
        return ANY.matches(request);
    }
}
