package io.aether.api.security;

import io.aether.api.platform.config.AetherProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** The aether_session cookie: HttpOnly, SameSite=Lax, Secure whenever Aether is reached over https. */
@Component
public class SessionCookies {
    public static final String NAME = "aether_session";
    private final boolean publicUrlIsHttps;

    public SessionCookies(AetherProperties aether) {
        this.publicUrlIsHttps =
                aether.publicUrl() != null && aether.publicUrl().strip().startsWith("https://");
    }

    public void set(HttpServletRequest request, HttpServletResponse response, SessionTokens.IssuedSession session) {
        write(request, response, session.token(), Duration.between(Instant.now(), session.expiresAt()));
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        write(request, response, "", Duration.ZERO);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(request.isSecure() || publicUrlIsHttps)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
