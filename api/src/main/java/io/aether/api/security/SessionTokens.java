package io.aether.api.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Session tokens: HS256 JWTs (sub, iat, exp, jti, and gen: the owner's session generation, moved on
 * by a password change) signed with AETHER_JWT_SECRET or with a key
 * generated once and kept, encrypted, in the database so that every node and every restart
 * accepts the same sessions. Logout puts the token's id on a deny-list until it expires. Whether a
 * token is signed out or superseded is answered from memory by {@link CredentialRevocations}.
 */
@Component
public class SessionTokens {
    static final int MIN_SECRET_BYTES = 32;
    static final String GENERATION_CLAIM = "gen";
    private static final String GENERATED_KEY_NAME = "jwt_signing_key";
    private final JdbcClient jdbc;
    private final CredentialRevocations revocations;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecretKey key;
    /** Built once: a parser owns a Jackson mapper, far too costly to make on every request. */
    private final JwtParser parser;
    /**
     * Tokens whose signature and claims were checked, by their exact text: parsing and verifying a
     * JWT was most of what authentication cost per request (docs/benchmarks.md, run H). A cached
     * token is still refused once expired, signed out or superseded (checked on every request).
     * Only tokens that verified get in, so the map holds the owner's few live sessions.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private static final int MAX_VERIFIED = 1_000;

    /** A verified token's session and generation claim. */
    private record Verified(Session session, int generation) {}

    public SessionTokens(
            JdbcClient jdbc,
            CredentialRevocations revocations,
            AuthProperties properties,
            SecretCipher cipher,
            Clock clock) {
        this.jdbc = jdbc;
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
        this.key = Keys.hmacShaKeyFor(secret(jdbc, properties.jwtSecret(), cipher));
        this.parser = Jwts.parser()
                .verifyWith(key)
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** A new session for the owner. */
    public IssuedSession issue() {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.sessionTtl());
        String id = UUID.randomUUID().toString();
        String token = Jwts.builder()
                .subject(properties.username())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expires))
                .id(id)
                .claim(GENERATION_CLAIM, generation())
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedSession(token, id, now, expires);
    }

    /** The session a token stands for, or InvalidCredentialException saying why it is refused. */
    public Session verify(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            known = parse(token);
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear(); // more live sessions than any owner has: start over rather than grow
            }
            verified.put(token, known);
        } else if (!clock.instant().isBefore(known.session().expiresAt())) {
            verified.remove(token);
            throw new InvalidCredentialException("Session token has expired");
        }
        if (!revocations.sessionCurrent(known.session().id(), known.generation())) {
            throw new InvalidCredentialException("Session has been signed out");
        }
        return known.session();
    }

    /** Checks the signature and the claims; InvalidCredentialException saying why when they do not hold. */
    private Verified parse(String token) {
        Claims claims;
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            if (!Jwts.SIG.HS256.getId().equals(jws.getHeader().getAlgorithm())) {
                throw new InvalidCredentialException("Session token is not signed with HS256");
            }
            claims = jws.getPayload();
        } catch (ExpiredJwtException e) {
            throw new InvalidCredentialException("Session token has expired");
        } catch (JwtException | IllegalArgumentException e) {
            // Bad signature, unsigned ("alg": "none"), malformed: one answer, no detail to probe with.
            throw new InvalidCredentialException("Session token is invalid");
        }
        if (claims.getId() == null
                || claims.getIssuedAt() == null
                || claims.getExpiration() == null
                || !properties.username().equals(claims.getSubject())) {
            throw new InvalidCredentialException("Session token is invalid");
        }
        if (!(claims.get(GENERATION_CLAIM) instanceof Integer generation)) {
            throw new InvalidCredentialException("Session has been signed out");
        }
        Session session = new Session(
                claims.getSubject(),
                claims.getId(),
                claims.getIssuedAt().toInstant(),
                claims.getExpiration().toInstant());
        return new Verified(session, generation);
    }

    /** Ends a session everywhere: its id is refused until the token would have expired. */
    public void revoke(Session session) {
        jdbc.sql("INSERT INTO revoked_session (jti, expires_at) VALUES (:jti, :expires) ON CONFLICT (jti) DO NOTHING")
                .param("jti", session.id())
                .param("expires", Timestamp.from(session.expiresAt()))
                .update();
        jdbc.sql("DELETE FROM revoked_session WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
        revocations.changed("session");
    }

    /** Read from the database, not a cache: a password change on any node ends sessions at once. */
    private int generation() {
        return jdbc.sql("SELECT COALESCE((SELECT session_generation FROM auth_setup WHERE id = 1), 0)")
                .query(Integer.class)
                .single();
    }

    public record IssuedSession(String token, String id, Instant issuedAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedSession[id=" + id + ", expiresAt=" + expiresAt + "]";
        }
    }

    public record Session(String subject, String id, Instant issuedAt, Instant expiresAt) {}

    private static byte[] secret(JdbcClient jdbc, String configured, SecretCipher cipher) {
        if (configured != null && !configured.isEmpty()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException("AETHER_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                        + " bytes; unset it to have one generated and kept in the database");
            }
            return bytes;
        }
        byte[] generated = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(generated);
        // First node to start wins; every other node (and every restart) reads the same key.
        jdbc.sql("INSERT INTO auth_secret (name, value_encrypted) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .param("name", GENERATED_KEY_NAME)
                .param("value", cipher.encrypt(Base64.getEncoder().encodeToString(generated)))
                .update();
        String stored = jdbc.sql("SELECT value_encrypted FROM auth_secret WHERE name = :name")
                .param("name", GENERATED_KEY_NAME)
                .query(String.class)
                .single();
        return Base64.getDecoder().decode(cipher.decrypt(stored));
    }
}
