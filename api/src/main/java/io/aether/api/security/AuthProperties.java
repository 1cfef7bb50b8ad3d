package io.aether.api.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Authentication settings ({@code aether.auth.*}, each an AETHER_* variable: docs/configuration.md). */
@ConfigurationProperties("aether.auth")
public record AuthProperties(
        @DefaultValue("admin") String username,
        /* Password accepted when no password was stored at setup (AETHER_AUTH_PASSWORD). */
        String password,
        /* HS256 signing secret for session tokens, at least 32 bytes; generated and kept in the database when unset. */
        String jwtSecret,
        @DefaultValue("72h") Duration sessionTtl,
        /* Base64 of 32 bytes: the AES key for secrets at rest; a key file in the data directory when unset. */
        String secretKey,
        @DefaultValue("12") int bcryptStrength,
        /* Browser origins allowed to call the API cross-origin (CORS); none by default. */
        @DefaultValue List<String> corsOrigins,
        @DefaultValue Google google,
        @DefaultValue Passkey passkey) {

    public AuthProperties {
        corsOrigins = corsOrigins == null
                ? List.of()
                : corsOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }

    public boolean hasFallbackPassword() {
        return password != null && !password.isEmpty();
    }

    /** Google sign-in; unset client id means "not configured". */
    public record Google(
            String clientId,

            @DefaultValue("https://www.googleapis.com/oauth2/v3/certs")
            String jwksUrl,

            @DefaultValue({"https://accounts.google.com", "accounts.google.com"})
            List<String> issuers,

            String redirectUri) {
        public boolean configured() {
            return clientId != null && !clientId.isBlank();
        }
    }

    /** WebAuthn relying party; unset rp id / origins are derived from the public URL or the request. */
    public record Passkey(
            String rpId,
            @DefaultValue("Aether") String rpName,
            @DefaultValue List<String> origins,
            @DefaultValue("5m") Duration challengeTtl) {}

    @Override
    public String toString() {
        return "AuthProperties[username=" + username + ", password=" + redacted(password) + ", jwtSecret="
                + redacted(jwtSecret) + ", sessionTtl=" + sessionTtl + ", secretKey=" + redacted(secretKey)
                + ", corsOrigins=" + corsOrigins + "]";
    }

    private static String redacted(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "<redacted>";
    }
}
