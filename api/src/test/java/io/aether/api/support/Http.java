package io.aether.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A tiny HTTP client for the integration tests: raw bodies in, status + parsed JSON out. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> defaultHeaders;

    public Http(String base) {
        this(base, Map.of());
    }

    /** Sends defaultHeaders (e.g. a credential) with every request unless a request names the header itself. */
    public Http(String base, Map<String, String> defaultHeaders) {
        this.base = base;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
    }

    /** The same server with a session token (Authorization: Bearer). */
    public Http withBearer(String token) {
        return new Http(base, Map.of("Authorization", "Bearer " + token));
    }

    /** The same server, no credential. */
    public Http anonymous() {
        return new Http(base);
    }

    /** Signs in with a password and returns a client that sends the session token. */
    public Http signIn(String username, String password) {
        Response login = anonymous()
                .post("/api/v1/auth/login", "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
        if (login.status() != 200) {
            throw new AssertionError("sign-in failed: " + login.status() + " " + login.body());
        }
        return withBearer(login.json().get("token").asText());
    }

    /** The session token this client sends, if any. */
    public String defaultToken() {
        String authorization = defaultHeaders.get("Authorization");
        return authorization == null ? null : authorization.substring("Bearer ".length());
    }

    public String base() {
        return base;
    }

    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    public Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return send(
                HttpRequest.newBuilder(uri(path)).POST(publisher).header("Content-Type", "application/json"), headers);
    }

    public Response post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response put(String path, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"),
                Map.of());
    }

    public Response patch(String path, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"),
                Map.of());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), Map.of());
    }

    /** A GET whose body stays bytes (images and other binary files). */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        defaultHeaders.forEach(request::header);
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(HttpRequest.Builder request, Map<String, String> headers) {
        defaultHeaders.forEach((name, value) -> {
            if (headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                request.header(name, value);
            }
        });
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }
}
