package io.aether.api.security.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching and caching Google's keys, against a local JWKS endpoint and a clock the test moves. */
class GoogleKeysTest {
    private static final KeyPair FIRST = Jwts.SIG.RS256.keyPair().build();
    private static final KeyPair SECOND = Jwts.SIG.RS256.keyPair().build();

    private JwksServer jwks;
    private MovableClock clock;
    private GoogleKeys keys;

    @BeforeEach
    void start() {
        jwks = JwksServer.start();
        clock = new MovableClock();
        keys = new GoogleKeys(URI.create(jwks.url()), clock);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void keysAreCachedForTheAnswersMaxAge() {
        jwks.publish(Map.of("k1", FIRST), "public, max-age=120, must-revalidate");

        assertThat(keys.find("k1")).contains(rsa(FIRST));
        clock.advance(Duration.ofSeconds(119));
        assertThat(keys.find("k1")).isPresent();
        assertThat(jwks.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.find("k1")).isPresent();
        assertThat(jwks.requests()).as("refetched once max-age has passed").isEqualTo(2);
    }

    @Test
    void withoutCacheControlKeysAreKeptForAnHour() {
        jwks.publish(Map.of("k1", FIRST), null);

        keys.find("k1");
        clock.advance(Duration.ofMinutes(59));
        keys.find("k1");
        assertThat(jwks.requests()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        keys.find("k1");
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void anUnknownKeyIdRefetchesAtMostOnceAMinute() {
        jwks.publish(Map.of("k1", FIRST), "max-age=3600");
        assertThat(keys.find("k1")).isPresent();

        assertThat(keys.find("unknown")).isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(keys.find("unknown")).isEmpty();
        assertThat(jwks.requests())
                .as("no refetch within a minute of the last fetch")
                .isEqualTo(1);

        // Google rotated its keys: the new key id is found by the next allowed refetch.
        jwks.publish(Map.of("k1", FIRST, "k2", SECOND), "max-age=3600");
        assertThat(keys.find("k2")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.find("k2")).contains(rsa(SECOND));
        assertThat(jwks.requests()).isEqualTo(2);
        assertThat(keys.find("still-unknown")).isEmpty();
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void anErrorStatusIsUnavailableAndNotCached() {
        jwks.failWith(500);
        assertThatThrownBy(() -> keys.find("k1"))
                .isInstanceOf(GoogleKeys.UnavailableException.class)
                .hasMessage("HTTP 500");

        jwks.publish(Map.of("k1", FIRST), null);
        assertThat(keys.find("k1")).isPresent();
    }

    @Test
    void redirectsAreNotFollowed() {
        jwks.redirectElsewhere();
        assertThatThrownBy(() -> keys.find("k1"))
                .isInstanceOf(GoogleKeys.UnavailableException.class)
                .hasMessage("HTTP 302");
        assertThat(jwks.elsewhereRequests()).isZero();
    }

    @Test
    void anAnswerOver64KibIsRefused() {
        jwks.answerOversized();
        assertThatThrownBy(() -> keys.find("k1"))
                .isInstanceOf(GoogleKeys.UnavailableException.class)
                .hasMessage("the answer is larger than 64 KiB");
    }

    @Test
    void anAnswerThatIsNotAJwkSetIsRefused() {
        jwks.answer(new JwksServer.Answer(200, Map.of("Content-Type", "text/html"), "<html>hello</html>"));
        assertThatThrownBy(() -> keys.find("k1"))
                .isInstanceOf(GoogleKeys.UnavailableException.class)
                .hasMessage("the answer is not a JWK set");

        String encryptionKeyOnly = "{\"keys\":["
                + Jwks.json(Jwks.builder()
                        .key(rsa(SECOND))
                        .id("enc")
                        .publicKeyUse("enc")
                        .build()) + "]}";
        jwks.answer(new JwksServer.Answer(200, Map.of(), encryptionKeyOnly));
        assertThatThrownBy(() -> keys.find("k1"))
                .isInstanceOf(GoogleKeys.UnavailableException.class)
                .hasMessage("the JWK set holds no RS256 signing key");
    }

    @Test
    void nothingAnsweringIsUnavailable() {
        jwks.close();
        assertThatThrownBy(() -> keys.find("k1"))
                .isInstanceOf(GoogleKeys.UnavailableException.class)
                .hasMessage("nothing answered");
    }

    @Test
    void maxAgeIsReadFromCacheControlAndCappedAtADay() {
        assertThat(GoogleKeys.ttl("public, max-age=21868, must-revalidate, no-transform"))
                .isEqualTo(Duration.ofSeconds(21868));
        assertThat(GoogleKeys.ttl("max-age=0")).isEqualTo(Duration.ZERO);
        assertThat(GoogleKeys.ttl("max-age=9999999999")).isEqualTo(Duration.ofDays(1));
        assertThat(GoogleKeys.ttl("no-cache")).isEqualTo(Duration.ofHours(1));
        assertThat(GoogleKeys.ttl("s-maxage=5")).isEqualTo(Duration.ofHours(1));
        assertThat(GoogleKeys.ttl(null)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theJwksUrlMustBeHttpsOrLoopback() {
        assertThat(GoogleKeys.checkedUrl("https://www.googleapis.com/oauth2/v3/certs"))
                .hasHost("www.googleapis.com");
        assertThat(GoogleKeys.checkedUrl("http://127.0.0.1:8080/jwks")).hasPort(8080);
        assertThatThrownBy(() -> GoogleKeys.checkedUrl("http://192.0.2.1/jwks"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AETHER_GOOGLE_JWKS_URL");
        assertThatThrownBy(() -> GoogleKeys.checkedUrl("ftp://127.0.0.1/jwks"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GoogleKeys.checkedUrl("")).isInstanceOf(IllegalStateException.class);
    }

    private static RSAPublicKey rsa(KeyPair pair) {
        return (RSAPublicKey) pair.getPublic();
    }

    /** A clock that only moves when the test says so. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
