package io.aether.api.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.support.Http;
import java.net.http.HttpRequest;
import java.util.Map;

/** The agent endpoints as the integration tests call them. */
final class AgentApi {
    static final String AGENTS = "/api/v1/agents";
    private final Http http;

    AgentApi(Http http) {
        this.http = http;
    }

    Http.Response patch(String path, String body) {
        return patch(path, body, Map.of());
    }

    Http.Response patch(String path, String body, Map<String, String> headers) {
        return http.send(
                HttpRequest.newBuilder(http.uri(path))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"),
                headers);
    }

    void seed() {
        Http.Response seeded = http.post(AGENTS + "/seed", (String) null);
        assertThat(seeded.status()).as(seeded.body()).isEqualTo(201);
    }

    /**
     * A new agent of its own for one test: a clone of {@code research} with its drafts promoted,
     * so config and prompt version 1 are active. Tests never share a mutable agent.
     */
    String fresh() {
        seed();
        Http.Response clone = http.post(AGENTS + "/research/clone", (String) null);
        assertThat(clone.status()).as(clone.body()).isEqualTo(201);
        String name = clone.json().get("name").asText();
        Http.Response promoted = http.post(AGENTS + "/" + name + "/promote-all", (String) null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        return name;
    }

    JsonNode agent(String name) {
        Http.Response response = http.get(AGENTS + "/" + name);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Creates a config draft from JSON and answers its id. */
    String configDraft(String name, String body) {
        Http.Response draft = http.post(AGENTS + "/" + name + "/config/versions", body);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return draft.json().get("id").asText();
    }

    /** Drafts and promotes a config with this model; answers the promoted version. */
    JsonNode promoteConfig(String name, String model) {
        String id = configDraft(name, "{\"model_name\": \"" + model + "\"}");
        Http.Response promoted = http.post(AGENTS + "/" + name + "/config/versions/" + id + "/promote", (String) null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        return promoted.json();
    }

    JsonNode promotePrompt(String name, String template) {
        Http.Response draft = http.post(AGENTS + "/" + name + "/prompt/versions", Map.of("prompt_template", template));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Http.Response promoted = http.post(
                AGENTS + "/" + name + "/prompt/versions/"
                        + draft.json().get("id").asText() + "/promote",
                (String) null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        return promoted.json();
    }
}
