package io.aether.api.security.google;

import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A stand-in for Google's JWKS endpoint on 127.0.0.1: answers what the test sets and counts requests. */
final class JwksServer implements AutoCloseable {
    static final String PATH = "/jwks";
    static final String ELSEWHERE = "/elsewhere";
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger elsewhereRequests = new AtomicInteger();
    private boolean closed;
    private volatile Answer answer = new Answer(404, Map.of(), "");

    record Answer(int status, Map<String, String> headers, String body) {}

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    static JwksServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            JwksServer jwks = new JwksServer(server);
            server.createContext(PATH, exchange -> {
                jwks.requests.incrementAndGet();
                Answer answer = jwks.answer;
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                answer.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext(ELSEWHERE, exchange -> {
                jwks.elsewhereRequests.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Publishes the public halves of these key pairs under these key ids. */
    void publish(Map<String, KeyPair> keys, String cacheControl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (cacheControl != null) {
            headers.put("Cache-Control", cacheControl);
        }
        answer(new Answer(200, headers, jwks(keys)));
    }

    static String jwks(Map<String, KeyPair> keys) {
        return keys.entrySet().stream()
                .map(entry -> {
                    RsaPublicJwk jwk = Jwks.builder()
                            .key((RSAPublicKey) entry.getValue().getPublic())
                            .id(entry.getKey())
                            .algorithm("RS256")
                            .publicKeyUse("sig")
                            .build();
                    return Jwks.json(jwk);
                })
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    void answer(Answer answer) {
        this.answer = answer;
    }

    void failWith(int status) {
        answer(new Answer(status, Map.of("Content-Type", "text/plain"), "down"));
    }

    void redirectElsewhere() {
        answer(new Answer(302, Map.of("Location", ELSEWHERE), ""));
    }

    void answerOversized() {
        char[] padding = new char[70 * 1024];
        Arrays.fill(padding, ' ');
        answer(new Answer(200, Map.of("Content-Type", "application/json"), "{\"keys\":[]" + new String(padding) + "}"));
    }

    int requests() {
        return requests.get();
    }

    int elsewhereRequests() {
        return elsewhereRequests.get();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
