package io.aether.homeassistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.homeassistant.HomeAssistantException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thin, thread-safe client for Home Assistant's REST API (the endpoints Aether needs to deploy
 * automations). Every failure surfaces as a {@link HomeAssistantException}.
 */
public class HomeAssistantClient {

    private static final Logger log = LoggerFactory.getLogger(HomeAssistantClient.class);
    private static final int MAX_DETAIL = 200;
    private static final String NOT_CONFIGURED =
            "Home Assistant is not configured (set AETHER_HA_URL and AETHER_HA_TOKEN)";

    private final HomeAssistantSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public HomeAssistantClient(HomeAssistantSettings settings, ObjectMapper mapper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // A redirect would resend the bearer token somewhere we were not told to talk to.
                .followRedirects(HttpClient.Redirect.NEVER)
                // HA speaks HTTP/1.1; skipping the h2c upgrade attempt keeps requests plain.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public HomeAssistantSettings settings() {
        return settings;
    }

    /** GET {@code /api/} (the trailing slash matters): {@code {"message":"API running."}}. */
    public JsonNode apiStatus() {
        return json(expectOk(send("GET", "/api/", null)));
    }

    /** GET {@code /api/config}: the instance's location, units and {@code version}. */
    public JsonNode config() {
        return json(expectOk(send("GET", "/api/config", null)));
    }

    /** The stored automation config exactly as HA keeps it, or empty when no automation has that id. */
    public Optional<ObjectNode> getAutomationConfig(String configId) {
        Reply reply = send("GET", automationPath(configId), null);
        if (reply.status == 404 && haMessage(reply.body) != null) {
            return Optional.empty(); // JSON 404 = "Resource not found"; a plain 404 means no such endpoint
        }
        JsonNode body = json(expectOk(reply));
        if (!body.isObject()) {
            throw unexpected(reply, "automation config is not a JSON object");
        }
        return Optional.of((ObjectNode) body);
    }

    /** Creates or fully replaces the automation; HA validates it and answers {@code {"result":"ok"}}. */
    public void saveAutomationConfig(String configId, JsonNode config) {
        Objects.requireNonNull(config, "config");
        expectOk(send("POST", automationPath(configId), config));
    }

    /** Deletes the automation; false when HA had no automation with that id. */
    public boolean deleteAutomationConfig(String configId) {
        Reply reply = send("DELETE", automationPath(configId), null);
        // HA answers 400 (not 404) for an absent key; accept 404 too in case that ever gets fixed.
        if ((reply.status == 400 || reply.status == 404) && "Resource not found".equals(haMessage(reply.body))) {
            return false;
        }
        expectOk(reply);
        return true;
    }

    /**
     * A script's or scene's stored config ({@code editor} "script" or "scene", HA's config editor
     * API), or empty when HA has none under that id.
     */
    public Optional<ObjectNode> getEditorConfig(String editor, String configId) {
        Reply reply = send("GET", editorPath(editor, configId), null);
        if (reply.status == 404 && haMessage(reply.body) != null) {
            return Optional.empty();
        }
        JsonNode body = json(expectOk(reply));
        if (!body.isObject()) {
            throw unexpected(reply, editor + " config is not a JSON object");
        }
        return Optional.of((ObjectNode) body);
    }

    /** Creates or replaces a script or scene; HA validates it and reloads it itself. */
    public void saveEditorConfig(String editor, String configId, JsonNode config) {
        Objects.requireNonNull(config, "config");
        expectOk(send("POST", editorPath(editor, configId), config));
    }

    /** Deletes a script or scene; false when HA had none with that id. */
    public boolean deleteEditorConfig(String editor, String configId) {
        Reply reply = send("DELETE", editorPath(editor, configId), null);
        if ((reply.status == 400 || reply.status == 404) && "Resource not found".equals(haMessage(reply.body))) {
            return false;
        }
        expectOk(reply);
        return true;
    }

    public Optional<JsonNode> getState(String entityId) {
        Reply reply = send("GET", "/api/states/" + segment(entityId), null);
        if (reply.status == 404 && haMessage(reply.body) != null) {
            return Optional.empty();
        }
        return Optional.of(json(expectOk(reply)));
    }

    public List<JsonNode> getStates() {
        Reply reply = send("GET", "/api/states", null);
        JsonNode body = json(expectOk(reply));
        if (!body.isArray()) {
            throw unexpected(reply, "states are not a JSON array");
        }
        List<JsonNode> states = new ArrayList<>(body.size());
        body.forEach(states::add);
        return states;
    }

    /**
     * GET {@code /api/history/period/<start>?filter_entity_id=...&end_time=...&no_attributes}: each
     * entity's states from {@code start} to {@code end}, one list per entity in the order asked
     * (HA leaves out entities it has no rows for). The first item of a list is the state at
     * {@code start}; attributes are left out (read them from {@link #getStates()}).
     */
    public List<List<JsonNode>> getHistory(Collection<String> entityIds, Instant start, Instant end) {
        if (entityIds == null || entityIds.isEmpty()) {
            throw new IllegalArgumentException("history needs at least one entity id");
        }
        entityIds.forEach(id -> requireText(id, "entity id"));
        String path = "/api/history/period/" + segment(start.toString()) + "?filter_entity_id="
                + URLEncoder.encode(String.join(",", entityIds), StandardCharsets.UTF_8)
                + "&end_time=" + URLEncoder.encode(end.toString(), StandardCharsets.UTF_8)
                + "&no_attributes&significant_changes_only=0";
        Reply reply = send("GET", path, null);
        JsonNode body = json(expectOk(reply));
        if (!body.isArray()) {
            throw unexpected(reply, "history is not a JSON array");
        }
        List<List<JsonNode>> history = new ArrayList<>(body.size());
        for (JsonNode entity : body) {
            if (!entity.isArray()) {
                throw unexpected(reply, "history is not a list of lists");
            }
            List<JsonNode> rows = new ArrayList<>(entity.size());
            entity.forEach(rows::add);
            history.add(rows);
        }
        return history;
    }

    /**
     * HA derives an automation's entity_id from its alias when it is first created, so the only
     * stable link from config id to entity is the {@code id} attribute of the automation state.
     */
    public Optional<String> findAutomationEntityId(String configId) {
        requireText(configId, "configId");
        return getStates().stream()
                .filter(s -> s.path("entity_id").asText().startsWith("automation."))
                .filter(s -> configId.equals(s.path("attributes").path("id").asText(null)))
                .map(s -> s.path("entity_id").asText())
                .findFirst();
    }

    /** GET {@code /api/services}: one {@code {"domain": ..., "services": {name: description}}} per domain. */
    public List<JsonNode> getServices() {
        Reply reply = send("GET", "/api/services", null);
        JsonNode body = json(expectOk(reply));
        if (!body.isArray()) {
            throw unexpected(reply, "services are not a JSON array");
        }
        List<JsonNode> domains = new ArrayList<>(body.size());
        body.forEach(domains::add);
        return domains;
    }

    /** GET {@code /api/error_log} (admin): HA's log file as plain text. */
    public String errorLog() {
        Reply reply = expectOk(send("GET", "/api/error_log", null));
        return reply.body == null ? "" : redact(reply.body);
    }

    /**
     * POST {@code /api/config/core/check_config} (admin): HA checks its configuration files and answers
     * {@code {"result":"valid"|"invalid","errors":...,"warnings":...}} (errors and warnings are text or null).
     */
    public JsonNode checkConfig() {
        Reply reply = send("POST", "/api/config/core/check_config", null);
        JsonNode body = json(expectOk(reply));
        if (!body.isObject()) {
            throw unexpected(reply, "config check is not a JSON object");
        }
        return body;
    }

    /** GET {@code /api/config/config_entries/entry} (admin): every integration's config entry with its state. */
    public List<JsonNode> configEntries() {
        Reply reply = send("GET", "/api/config/config_entries/entry", null);
        JsonNode body = json(expectOk(reply));
        if (!body.isArray()) {
            throw unexpected(reply, "config entries are not a JSON array");
        }
        List<JsonNode> entries = new ArrayList<>(body.size());
        body.forEach(entries::add);
        return entries;
    }

    /** POST {@code /api/services/<domain>/<service>}; returns HA's array of states the call changed. */
    public JsonNode callService(String domain, String service, JsonNode data) {
        String path = "/api/services/" + segment(domain) + "/" + segment(service);
        return json(expectOk(send("POST", path, data)));
    }

    public void turnOnAutomation(String entityId) {
        callService("automation", "turn_on", entityTarget(entityId));
    }

    public void turnOffAutomation(String entityId) {
        callService("automation", "turn_off", entityTarget(entityId));
    }

    // --- plumbing -------------------------------------------------------------------------

    private record Reply(String method, String path, int status, String body) {}

    private Reply send(String method, String path, JsonNode body) {
        URI uri = uri(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            log.debug("Home Assistant {} {} -> {}", method, path, response.statusCode());
            return new Reply(method, path, response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            // Checked before HttpTimeoutException (its parent): no connection means nothing was applied.
            throw new HomeAssistantException(
                    Kind.UNREACHABLE,
                    0,
                    "Home Assistant at " + settings.baseUrl() + " did not accept a connection within "
                            + settings.connectTimeout().toMillis() + " ms",
                    e);
        } catch (HttpTimeoutException e) {
            throw new HomeAssistantException(
                    Kind.TIMEOUT,
                    0,
                    "Home Assistant did not answer " + method + " " + path + " within "
                            + settings.requestTimeout().toMillis() + " ms",
                    e);
        } catch (IOException e) {
            String why = e instanceof ConnectException || e.getCause() instanceof ConnectException
                    ? "connection refused or host unknown"
                    : redact(String.valueOf(e.getMessage()));
            throw new HomeAssistantException(
                    Kind.UNREACHABLE,
                    0,
                    "Home Assistant at " + settings.baseUrl() + " is unreachable (" + why + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HomeAssistantException(Kind.ERROR, 0, "Interrupted while calling Home Assistant", e);
        }
    }

    private URI uri(String path) {
        if (!settings.configured()) {
            throw new HomeAssistantException(Kind.NOT_CONFIGURED, 0, NOT_CONFIGURED);
        }
        try {
            URI uri = URI.create(settings.baseUrl() + path);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new HomeAssistantException(
                    Kind.NOT_CONFIGURED,
                    0,
                    "Home Assistant URL is not a valid http(s) URL: " + redact(settings.baseUrl()));
        }
    }

    private Reply expectOk(Reply reply) {
        if (reply.status >= 200 && reply.status < 300) {
            return reply;
        }
        String detail = detail(reply.body);
        int status = reply.status;
        if (status == 400) {
            throw new HomeAssistantException(
                    Kind.REJECTED, status, "Home Assistant rejected the request: " + orStatus(detail, status));
        }
        if (status == 401 || status == 403) {
            throw new HomeAssistantException(
                    Kind.UNAUTHORIZED, status, "Home Assistant refused the access token: " + orStatus(detail, status));
        }
        if (status == 502 || status == 503 || status == 504) {
            throw new HomeAssistantException(
                    Kind.UNAVAILABLE,
                    status,
                    "Home Assistant is unavailable (HTTP " + status + ")" + (detail.isEmpty() ? "" : ": " + detail));
        }
        if (status >= 300 && status < 400) {
            throw new HomeAssistantException(
                    Kind.ERROR,
                    status,
                    "Home Assistant answered " + reply.method + " " + reply.path + " with a redirect (HTTP " + status
                            + "); check AETHER_HA_URL");
        }
        throw new HomeAssistantException(
                Kind.ERROR,
                status,
                "Home Assistant answered " + reply.method + " " + reply.path + " with HTTP " + status
                        + (detail.isEmpty() ? "" : ": " + detail));
    }

    private JsonNode json(Reply reply) {
        try {
            JsonNode node = mapper.readTree(reply.body);
            if (node == null || node.isMissingNode()) {
                throw unexpected(reply, "empty response");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw unexpected(reply, "response is not JSON: " + detail(reply.body));
        }
    }

    private HomeAssistantException unexpected(Reply reply, String what) {
        return new HomeAssistantException(
                Kind.ERROR,
                reply.status,
                "Unexpected answer from Home Assistant to " + reply.method + " " + reply.path + ": " + what);
    }

    /** HA's {@code {"message": ...}} text, or null when the body is not such a JSON object. */
    private String haMessage(String body) {
        try {
            JsonNode node = mapper.readTree(body == null ? "" : body);
            return node != null && node.path("message").isTextual()
                    ? node.get("message").asText()
                    : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** What HA said: its JSON message, else the plain-text body trimmed to {@value #MAX_DETAIL} chars. */
    private String detail(String body) {
        String message = haMessage(body);
        String text = message != null ? message : (body == null ? "" : body.strip());
        if (text.length() > MAX_DETAIL) {
            text = text.substring(0, MAX_DETAIL) + "...";
        }
        return redact(text);
    }

    private static String orStatus(String detail, int status) {
        return detail.isEmpty() ? "HTTP " + status : detail;
    }

    /** Belt and braces: a proxy or a debug page could echo our headers back. */
    private String redact(String text) {
        String token = settings.token();
        return token.isEmpty() ? text : text.replace(token, "<redacted>");
    }

    private String write(JsonNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise request body", e);
        }
    }

    private ObjectNode entityTarget(String entityId) {
        requireText(entityId, "entityId");
        return mapper.createObjectNode().put("entity_id", entityId);
    }

    private static String editorPath(String editor, String configId) {
        if (!editor.equals("script") && !editor.equals("scene")) {
            throw new IllegalArgumentException("not a config editor: " + editor);
        }
        return "/api/config/" + editor + "/config/" + segment(configId);
    }

    private static String automationPath(String configId) {
        return "/api/config/automation/config/" + segment(configId);
    }

    /** Percent-encodes one path segment (URLEncoder is for forms, hence the "+" fix-up). */
    private static String segment(String value) {
        requireText(value, "path segment");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
