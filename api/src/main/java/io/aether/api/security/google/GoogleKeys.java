package io.aether.api.security.google;

import io.aether.api.security.AuthProperties;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Google's RS256 signing keys, fetched from the configured JWKS URL only (never a URL taken from
 * a token) and cached: for the answer's Cache-Control max-age, else an hour. A key id that is not
 * in the cache triggers at most one refetch a minute, so forged key ids cannot make Aether hammer
 * the JWKS endpoint. Nothing is fetched until a Google credential has to be checked.
 */
@Component
public class GoogleKeys {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_BYTES = 64 * 1024;
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** A rotated key must not stay trusted for longer than this, whatever max-age says. */
    static final Duration MAX_TTL = Duration.ofDays(1);

    static final Duration UNKNOWN_KID_REFETCH = Duration.ofMinutes(1);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");
    private static final Logger log = LoggerFactory.getLogger(GoogleKeys.class);

    private final URI jwksUrl;
    private final Clock clock;
    private final HttpClient client;
    private volatile KeySet cached;

    @Autowired
    public GoogleKeys(AuthProperties properties, Clock clock) {
        this(properties.google().configured() ? checkedUrl(properties.google().jwksUrl()) : null, clock);
    }

    /** jwksUrl null when Google sign-in is not configured: then nothing is ever fetched. */
    GoogleKeys(URI jwksUrl, Clock clock) {
        this.jwksUrl = jwksUrl;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The signing key with this id; empty when the JWKS does not have it (after any allowed refetch). */
    public Optional<RSAPublicKey> find(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        KeySet keys = cached;
        if (keys == null || !now.isBefore(keys.expiresAt())) {
            keys = refresh(keys);
        }
        RSAPublicKey key = keys.keys().get(keyId);
        if (key == null && !now.isBefore(keys.fetchedAt().plus(UNKNOWN_KID_REFETCH))) {
            // Google may have rotated its keys since the last fetch.
            keys = refresh(keys);
            key = keys.keys().get(keyId);
        }
        return Optional.ofNullable(key);
    }

    private record KeySet(Map<String, RSAPublicKey> keys, Instant fetchedAt, Instant expiresAt) {}

    /** Fetches unless another thread already replaced {@code seen} meanwhile. */
    private synchronized KeySet refresh(KeySet seen) {
        if (cached != seen) {
            return cached;
        }
        cached = fetch();
        return cached;
    }

    private KeySet fetch() {
        if (jwksUrl == null) {
            throw new UnavailableException("Google sign-in is not configured");
        }
        HttpRequest request = HttpRequest.newBuilder(jwksUrl)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            // The request timeout ends at the response headers; the deadline also bounds the body.
            response = client.sendAsync(
                            request,
                            info -> info.statusCode() == 200
                                    ? new LimitedBody(MAX_BYTES)
                                    : HttpResponse.BodySubscribers.replacing(new byte[0]))
                    .get(CONNECT_TIMEOUT.plus(REQUEST_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable("no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        } catch (ExecutionException e) {
            throw unavailable(describe(e.getCause()));
        }
        if (response.statusCode() != 200) {
            throw unavailable("HTTP " + response.statusCode());
        }
        Map<String, RSAPublicKey> keys = rs256Keys(new String(response.body(), StandardCharsets.UTF_8));
        Instant now = clock.instant();
        return new KeySet(
                keys,
                now,
                now.plus(ttl(response.headers().firstValue("Cache-Control").orElse(null))));
    }

    private static Map<String, RSAPublicKey> rs256Keys(String json) {
        JwkSet set;
        try {
            set = Jwks.setParser().build().parse(json);
        } catch (RuntimeException e) {
            throw unavailable("the answer is not a JWK set");
        }
        Map<String, RSAPublicKey> keys = new HashMap<>();
        set.getKeys().forEach(jwk -> {
            if (jwk instanceof RsaPublicJwk rsa
                    && rsa.getId() != null
                    && (rsa.getAlgorithm() == null || "RS256".equals(rsa.getAlgorithm()))
                    && (rsa.getPublicKeyUse() == null || "sig".equals(rsa.getPublicKeyUse()))) {
                keys.put(rsa.getId(), rsa.toKey());
            }
        });
        if (keys.isEmpty()) {
            throw unavailable("the JWK set holds no RS256 signing key");
        }
        return Map.copyOf(keys);
    }

    static Duration ttl(String cacheControl) {
        if (cacheControl == null) {
            return DEFAULT_TTL;
        }
        Matcher maxAge = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
        if (!maxAge.find()) {
            return DEFAULT_TTL;
        }
        Duration ttl = Duration.ofSeconds(Long.parseLong(maxAge.group(1)));
        return ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
    }

    private static String describe(Throwable failure) {
        // The client may wrap the body's own failure.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException) {
                return "the answer is larger than " + MAX_BYTES / 1024 + " KiB";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer in time";
            }
        }
        return failure instanceof IOException ? "nothing answered" : "unexpected failure";
    }

    private static UnavailableException unavailable(String reason) {
        log.warn("Google's signing keys could not be fetched: {}", reason);
        return new UnavailableException(reason);
    }

    /** Plain http only to a loopback address (a local mirror, tests): keys over the network need TLS. */
    static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AETHER_GOOGLE_JWKS_URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw new IllegalStateException(
                    "AETHER_GOOGLE_JWKS_URL must be an https URL (plain http only to a loopback address)");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        try {
            InetAddress[] addresses =
                    InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
            return List.of(addresses).stream().allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The JWKS could not be fetched or used; the message is a short reason, safe to show. */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String reason) {
            super(reason);
        }
    }

    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("response too large");
        }
    }

    /** Collects the body and gives up (cancelling the download) beyond {@code limit} bytes. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (body.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException());
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
