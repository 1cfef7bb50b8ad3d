package io.aether.api.security.google;

import io.aether.api.security.AuthProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a Google ID token locally, as Google's documentation asks: an RS256 signature by a key
 * from Google's JWKS (looked up by kid), a Google issuer, this client id among the audiences, not
 * expired and not issued in the future (60 s of clock skew either way), a subject and a nonce.
 * Whether the nonce was issued by Aether and is still unused is the caller's check.
 */
@Component
class GoogleIdTokens {
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private final List<String> issuers;
    private final String clientId;
    private final Clock clock;
    private final JwtParser parser;

    GoogleIdTokens(AuthProperties properties, GoogleKeys keys, Clock clock) {
        this.issuers = properties.google().issuers().stream().map(String::strip).toList();
        this.clientId = properties.google().configured()
                ? properties.google().clientId().strip()
                : null;
        this.clock = clock;
        this.parser = Jwts.parser()
                // Only RS256: no HMAC (where a public key could pose as the secret), no "none".
                .sig()
                .clear()
                .add(Jwts.SIG.RS256)
                .and()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(JwsHeader header) {
                        if (header.getKeyId() == null) {
                            throw new RejectedCredentialException("no key id");
                        }
                        return keys.find(header.getKeyId())
                                .orElseThrow(() -> new RejectedCredentialException("unknown signing key"));
                    }
                })
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(CLOCK_SKEW.toSeconds())
                .build();
    }

    /**
     * The identity in a valid token; RejectedCredentialException with a short reason otherwise,
     * GoogleKeys.UnavailableException when Google's keys cannot be had.
     */
    GoogleIdentity verify(String credential) {
        Claims claims = verifiedClaims(credential);
        if (claims.getIssuer() == null || !issuers.contains(claims.getIssuer())) {
            throw new RejectedCredentialException("wrong issuer");
        }
        Set<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw new RejectedCredentialException("wrong audience");
        }
        if (claims.getExpiration() == null) {
            throw new RejectedCredentialException("no expiry");
        }
        Date issuedAt = claims.getIssuedAt();
        if (issuedAt == null) {
            throw new RejectedCredentialException("no issue time");
        }
        if (issuedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new RejectedCredentialException("issued in the future");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new RejectedCredentialException("no subject");
        }
        String nonce = text(claims, "nonce");
        if (nonce == null || nonce.isBlank()) {
            throw new RejectedCredentialException("no nonce");
        }
        return new GoogleIdentity(subject, nonce, text(claims, "email"), text(claims, "name"), text(claims, "picture"));
    }

    private Claims verifiedClaims(String credential) {
        try {
            return parser.parseSignedClaims(credential).getPayload();
        } catch (ExpiredJwtException e) {
            throw new RejectedCredentialException("expired");
        } catch (PrematureJwtException e) {
            throw new RejectedCredentialException("not valid yet");
        } catch (SignatureException e) {
            // jjwt reports an algorithm outside sig() as an UnsupportedJwtException cause.
            throw new RejectedCredentialException(
                    e.getCause() instanceof UnsupportedJwtException
                            ? "not signed with RS256"
                            : "signature does not verify");
        } catch (UnsupportedJwtException e) {
            throw new RejectedCredentialException("not a signed token");
        } catch (MalformedJwtException e) {
            throw new RejectedCredentialException("malformed");
        } catch (JwtException | IllegalArgumentException e) {
            throw new RejectedCredentialException("not a valid token");
        }
    }

    /** A string claim, or null when absent or of another type. */
    private static String text(Claims claims, String name) {
        return claims.get(name) instanceof String value ? value : null;
    }
}
