package io.aether.api.security;

import io.aether.api.config.AetherProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
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
        auth.corsOrigins().forEach(origin -> trustedOrigins.add(normalize(origin)));
        if (aether.publicUrl() != null && !aether.publicUrl().isBlank()) {
            trustedOrigins.add(normalize(aether.publicUrl()));
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
        String normalized = normalize(origin);
        return !normalized.isEmpty()
                && (normalized.equals(ownOrigin(request)) || trustedOrigins.contains(normalized));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? "" : normalize(request.getScheme() + "://" + host);
    }

    /** scheme://host[:port] in lower case, default ports dropped; "" for anything unparsable ("null"). */
    static String normalize(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                    || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
