package io.aether.api.security.passkey;

import io.aether.api.platform.config.AetherProperties;
import io.aether.api.security.AuthProperties;
import io.aether.api.security.Origins;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Works out the relying party of a request. Settings win over what the request says, so that a
 * deployment behind a proxy can pin them:
 * <ul>
 *   <li>rp id: {@code aether.auth.passkey.rp-id} if set, else the host of {@code aether.public-url}
 *       if set, else the request's server name;</li>
 *   <li>origins: {@code aether.auth.passkey.origins} if set, else the origin of
 *       {@code aether.public-url} if set, else the request's own origin ({@code scheme://} + Host).</li>
 * </ul>
 * An IP address is never a valid rp id for browsers, so local use goes through {@code localhost}.
 */
@Component
public class RelyingParties {
    private final AuthProperties.Passkey passkey;
    private final URI publicUrl;

    public RelyingParties(AuthProperties auth, AetherProperties aether) {
        this.passkey = auth.passkey();
        this.publicUrl = parsePublicUrl(aether.publicUrl());
    }

    public RelyingParty of(HttpServletRequest request) {
        return new RelyingParty(rpId(request), passkey.rpName(), origins(request));
    }

    private String rpId(HttpServletRequest request) {
        if (passkey.rpId() != null && !passkey.rpId().isBlank()) {
            return passkey.rpId().strip().toLowerCase(Locale.ROOT);
        }
        if (publicUrl != null) {
            return publicUrl.getHost().toLowerCase(Locale.ROOT);
        }
        return request.getServerName().toLowerCase(Locale.ROOT);
    }

    private Set<String> origins(HttpServletRequest request) {
        Set<String> configured = new LinkedHashSet<>();
        if (passkey.origins() != null) {
            passkey.origins().stream()
                    .map(String::strip)
                    .filter(origin -> !origin.isEmpty())
                    .map(Origins::of)
                    .filter(origin -> !origin.isEmpty())
                    .forEach(configured::add);
        }
        if (!configured.isEmpty()) {
            return configured;
        }
        if (publicUrl != null) {
            return Set.of(Origins.of(publicUrl));
        }
        String own = Origins.ofRequest(request);
        return own.isEmpty() ? Set.of() : Set.of(own);
    }

    private static URI parsePublicUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalStateException("aether.public-url must be an absolute URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aether.public-url is not a valid URL", e);
        }
    }
}
