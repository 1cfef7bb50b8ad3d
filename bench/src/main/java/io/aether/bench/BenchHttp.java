package io.aether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One signed-in client of the server under test; every call checks its status code. */
final class BenchHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String authorization;

    BenchHttp(AetherServer server) throws IOException, InterruptedException {
        this.base = server.baseUrl();
        this.authorization = server.authorization();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path, 200);
    }

    JsonNode post(String path, String json, int... expected) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                path,
                expected);
    }

    private JsonNode send(HttpRequest.Builder request, String path, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                request.timeout(TIMEOUT)
                        .header("Accept", "application/json")
                        .header("Authorization", authorization)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (r.statusCode() == status) {
                return MAPPER.readTree(r.body());
            }
        }
        String body = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
        throw new BenchFailure(path + " answered " + r.statusCode() + ": "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
    }
}
