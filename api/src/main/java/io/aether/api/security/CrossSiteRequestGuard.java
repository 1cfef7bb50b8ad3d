package io.aether.api.security;

import io.aether.api.platform.config.AetherProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * CSRF defence for cookie-authenticated requests (OWASP "verify origin with standard headers"):
 * a state-changing request must carry an Origin of Aether itself (the request's own host, the
 * public URL, or a configured CORS origin), or, without Origin, must not be marked cross-site
 * by Sec-Fetch-Site. The cookie is also SameSite=Lax. Safe methods pass.
 */
@Component
public class CrossSiteRequestGuard {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private final Set<String> trustedOrigins = new HashSet<>();

    public CrossSiteRequestGuard(AuthProperties auth, AetherProperties aether) {
        auth.corsOrigins().forEach(origin -> trustedOrigins.add(Origins.of(origin)));
        if (aether.publicUrl() != null && !aether.publicUrl().isBlank()) {
            trustedOrigins.add(Origins.of(aether.publicUrl()));
        }
    }

    public boolean allowed(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        String normalized = Origins.of(origin);
        return !normalized.isEmpty()
                && (normalized.equals(Origins.ofRequest(request)) || trustedOrigins.contains(normalized));
    }
}
