package io.aether.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input over HTTP: every case is a 4xx in the error envelope, with the correlation id in
 * header and body, no Java internals in the body, and no event appended.
 */
class BadInputTest extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPOSALS = "/api/v1/proposals";
    private static final Map<Integer, String> TYPES = Map.of(
            400, "bad_request",
            404, "not_found",
            405, "method_not_allowed",
            409, "conflict",
            413, "payload_too_large",
            415, "unsupported_media_type",
            422, "validation_error");

    // ---- POST /proposals: JSON problems ----

    static Stream<Arguments> badCreateBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"name\":", 400),
                Arguments.of("JSON array instead of object", "[" + AUTOMATION + "]", 400),
                Arguments.of("empty body", "", 400),
                Arguments.of("JSON null", "null", 400),
                Arguments.of("name is a number", with("name", "5"), 400),
                Arguments.of("name is a boolean", with("name", "true"), 400),
                Arguments.of("trigger is a string", with("trigger", "\"x\""), 422),
                Arguments.of("actions is a number", with("actions", "7"), 422),
                Arguments.of("mode is a number", with("mode", "3"), 400),
                Arguments.of("unknown proposal_type", with("proposal_type", "\"toaster\""), 400),
                Arguments.of("unknown mode", with("mode", "\"sometimes\""), 422),
                Arguments.of("automation without trigger", without("trigger"), 422),
                Arguments.of("automation without actions", without("actions"), 422),
                Arguments.of("missing name", without("name"), 422),
                Arguments.of("blank name", with("name", "\"   \""), 422),
                Arguments.of("name over 255 chars", with("name", quoted("n".repeat(256))), 422),
                Arguments.of("description over 2000 chars", with("description", quoted("d".repeat(2001))), 422),
                Arguments.of(
                        "JSON nested deeper than the parser allows",
                        with("trigger", "[".repeat(100) + "]".repeat(100)),
                        400));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badCreateBodies")
    void createRejectsBadJson(String description, String body, int status) {
        long before = eventCount();
        assertRejected(http.post(PROPOSALS, body), status, before);
    }

    @Test
    void createWithoutBodyIs400() {
        long before = eventCount();
        assertRejected(http.post(PROPOSALS, (String) null), 400, before);
    }

    @Test
    void bodyOverOneMebibyteWithContentLengthIs413() {
        long before = eventCount();
        Http.Response response = http.post(PROPOSALS, hugeBody());
        assertRejected(response, 413, before);
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        long before = eventCount();
        byte[] body = hugeBody().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(PROPOSALS))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                // No known length: the client sends Transfer-Encoding: chunked and no Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertRejected(http.send(request, Map.of()), 413, before);
    }

    @Test
    void wrongContentTypeIs415() {
        long before = eventCount();
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(PROPOSALS))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(AUTOMATION));
        assertRejected(http.send(request, Map.of()), 415, before);
    }

    // ---- POST /proposals: yaml_content problems (all 422) ----

    static Stream<Arguments> badYaml() {
        String laughs = "alias: lol\n"
                + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + IntStream.range(1, 9)
                        .mapToObj(i -> {
                            char name = (char) ('a' + i);
                            char prev = (char) ('a' + i - 1);
                            String refs = IntStream.range(0, 9)
                                    .mapToObj(j -> "*" + prev)
                                    .collect(Collectors.joining(","));
                            return name + ": &" + name + " [" + refs + "]\n";
                        })
                        .collect(Collectors.joining())
                + "trigger: *i\nactions: *i\n";
        return Stream.of(
                Arguments.of("invalid syntax", "alias: 'unterminated\ntrigger: {\n"),
                Arguments.of("a list instead of a mapping", "- alias: x\n- trigger: []\n"),
                Arguments.of("a scalar instead of a mapping", "just a string"),
                Arguments.of(
                        "python tag", "alias: x\ntrigger: !!python/object/apply:os.system [\"ls\"]\nactions: []\n"),
                Arguments.of("custom tag", "alias: x\ntrigger: !custom x\nactions: []\n"),
                Arguments.of("billion laughs (9 levels of aliases)", laughs),
                Arguments.of(
                        "200 nested lists",
                        "alias: x\ntrigger: " + "[".repeat(200) + "]".repeat(200) + "\nactions: []\n"),
                Arguments.of("duplicate key", "alias: x\nalias: y\ntrigger: []\nactions: []\n"),
                Arguments.of(
                        "yaml_content over 10000 chars",
                        "alias: x\ndescription: " + "a".repeat(10_001) + "\ntrigger: []\nactions: []\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badYaml")
    void createRejectsBadYamlWith422(String description, String yaml) {
        long before = eventCount();
        ObjectNode body = JSON.createObjectNode().put("yaml_content", yaml);
        assertRejected(http.post(PROPOSALS, body.toString()), 422, before);
    }

    // ---- ids ----

    @Test
    void nonUuidIdIs400() {
        long before = eventCount();
        assertRejected(http.get(PROPOSALS + "/not-a-uuid"), 400, before);
        assertRejected(http.post(PROPOSALS + "/not-a-uuid/approve", "{}"), 400, before);
        assertRejected(http.delete(PROPOSALS + "/not-a-uuid"), 400, before);
    }

    static Stream<Arguments> unknownIdRequests() {
        return Stream.of(
                Arguments.of("GET", ""),
                Arguments.of("GET", "/history"),
                Arguments.of("POST", "/approve"),
                Arguments.of("POST", "/deploy"),
                Arguments.of("POST", "/rollback"),
                Arguments.of("DELETE", ""));
    }

    @ParameterizedTest(name = "{0} /proposals/<unknown>{1} -> 404")
    @MethodSource("unknownIdRequests")
    void unknownUuidIs404(String method, String suffix) {
        long before = eventCount();
        String path = PROPOSALS + "/" + UUID.randomUUID() + suffix;
        Http.Response response = switch (method) {
            case "GET" -> http.get(path);
            case "DELETE" -> http.delete(path);
            default -> http.post(path, suffix.equals("/approve") ? "{}" : null);
        };
        assertRejected(response, 404, before);
    }

    // ---- query parameters ----

    static Stream<Arguments> badListQueries() {
        return Stream.of(
                Arguments.of("?status=bogus", 400),
                Arguments.of("?limit=0", 422),
                Arguments.of("?limit=100000", 422),
                Arguments.of("?offset=-1", 422),
                Arguments.of("?limit=abc", 400),
                Arguments.of("?offset=abc", 400),
                Arguments.of("/pending?limit=0", 422),
                Arguments.of("/pending?offset=-1", 422));
    }

    @ParameterizedTest(name = "GET /proposals{0} -> {1}")
    @MethodSource("badListQueries")
    void badListQueryIsRejected(String query, int status) {
        long before = eventCount();
        assertRejected(http.get(PROPOSALS + query), status, before);
    }

    static Stream<Arguments> badVersionQueries() {
        return Stream.of(
                Arguments.of("?version=0", 422),
                Arguments.of("?version=-1", 422),
                Arguments.of("?version=abc", 400),
                Arguments.of("?version=999", 422),
                Arguments.of("?at=yesterday", 400),
                Arguments.of("?version=1&at=2026-01-01T00:00:00Z", 400));
    }

    @ParameterizedTest(name = "GET /proposals/<id>{0} -> {1}")
    @MethodSource("badVersionQueries")
    void badTimeTravelQueryIsRejected(String query, int status) {
        String id = create(AUTOMATION);
        long before = eventCount();
        assertRejected(http.get(PROPOSALS + "/" + id + query), status, before);
    }

    // ---- illegal transitions ----

    @Test
    void approvingTwiceIs409() {
        String id = createApproved();
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/approve", "{}"), 409, before);
        assertThat(proposal(id).path("status").asText()).isEqualTo("approved");
    }

    @Test
    void deployingAProposedProposalIs409() {
        String id = create(AUTOMATION);
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/deploy", (String) null), 409, before);
        assertThat(HA.automationConfig(haId(id))).isEmpty();
    }

    @Test
    void rollingBackANeverDeployedProposalIs409() {
        String id = createApproved();
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/rollback", (String) null), 409, before);
    }

    @Test
    void enablingADeployedProposalIs409() {
        String id = createDeployed();
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/enable", (String) null), 409, before);
    }

    @Test
    void deletingADeployedProposalIs409() {
        String id = createDeployed();
        long before = eventCount();
        assertRejected(http.delete(PROPOSALS + "/" + id), 409, before);
        assertThat(HA.automationConfig(haId(id))).isPresent();
    }

    @Test
    void rejectingWithoutReasonIs422() {
        String id = create(AUTOMATION);
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/reject", "{}"), 422, before);
        assertRejected(http.post(PROPOSALS + "/" + id + "/reject", "{\"reason\": \"  \"}"), 422, before);
    }

    @Test
    void staleIfMatchIs409() {
        String id = create(AUTOMATION);
        Http.Response approve = http.post(PROPOSALS + "/" + id + "/approve", "{}", ifMatch(1));
        assertThat(approve.status()).as(approve.body()).isEqualTo(200);
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/reject", "{\"reason\": \"no\"}", ifMatch(1)), 409, before);
    }

    @Test
    void garbageIfMatchIs400() {
        String id = create(AUTOMATION);
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/approve", "{}", Map.of("If-Match", "banana")), 400, before);
        assertRejected(http.post(PROPOSALS + "/" + id + "/approve", "{}", Map.of("If-Match", "\"0\"")), 400, before);
        assertRejected(
                http.post(PROPOSALS + "/" + id + "/approve", "{}", Map.of("If-Match", "\"99999999999999999999\"")),
                400,
                before);
    }

    // ---- routing ----

    @Test
    void unknownRouteIs404() {
        long before = eventCount();
        assertRejected(http.get("/api/v1/nope"), 404, before);
        assertRejected(http.post("/api/v1/nope", "{}"), 404, before);
    }

    @Test
    void wrongMethodIs405() {
        long before = eventCount();
        HttpRequest.Builder put = HttpRequest.newBuilder(http.uri(PROPOSALS))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(AUTOMATION));
        assertRejected(http.send(put, Map.of()), 405, before);
    }

    // ---- input that once slipped through: recursive YAML, trailing JSON, NUL, container-level 400s ----

    static Stream<Arguments> yamlThatCrashesTheParser() {
        return Stream.of(
                Arguments.of("self-referencing list alias", "alias: x\ntrigger: &a [*a]\nactions: []\n"),
                Arguments.of("self-referencing map alias", "alias: x\ntrigger: &a {b: *a}\nactions: []\n"),
                Arguments.of("self-referencing document", "&r {alias: x, trigger: [*r], actions: []}\n"),
                Arguments.of("!!map on a list", "alias: x\ntrigger: [{v: !!map [1]}]\nactions: []\n"),
                Arguments.of("!!seq on a mapping", "alias: x\ntrigger: [{v: !!seq {a: 1}}]\nactions: []\n"),
                Arguments.of("!!str on a list", "alias: x\ntrigger: [{v: !!str [1]}]\nactions: []\n"),
                Arguments.of("!!set on a list", "alias: x\ntrigger: [{v: !!set [a]}]\nactions: []\n"));
    }

    /** Self-referencing aliases and tags on the wrong kind of node are refused, not followed or crashed on. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlThatCrashesTheParser")
    void recursiveOrMistaggedYamlIs422(String description, String yaml) {
        long before = eventCount();
        ObjectNode body = JSON.createObjectNode().put("yaml_content", yaml);
        assertRejected(http.post(PROPOSALS, body.toString()), 422, before);
    }

    /** A body is one JSON value: what follows it makes the body malformed. */
    @Test
    void trailingGarbageAfterTheJsonIs400() {
        long before = eventCount();
        assertRejected(http.post(PROPOSALS, AUTOMATION + " garbage"), 400, before);
    }

    /** NUL would be refused by PostgreSQL text columns inside the projection: it is refused at the door. */
    @Test
    void nulCharacterInTextIsRejected() {
        long before = eventCount();
        assertRejected(http.post(PROPOSALS, with("name", "\"a\\u0000b\"")), 400, before);
        String id = create(AUTOMATION);
        before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/reject", "{\"reason\": \"no\\u0000\"}"), 400, before);
        ObjectNode yaml = JSON.createObjectNode()
                .put(
                        "yaml_content",
                        "alias: \"a\\0b\"\ntrigger: [{trigger: sun}]\nactions: [{action: light.turn_on}]\n");
        assertRejected(http.post(PROPOSALS, yaml.toString()), 422, before);
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        long before = eventCount();
        assertRejected(
                http.post(PROPOSALS, "{\"name\": \"a\", \"name\": \"b\", \"trigger\": {}, \"actions\": {}}"),
                400,
                before);
    }

    /** Paths Tomcat refuses before Spring sees them still answer in the envelope. */
    @ParameterizedTest(name = "GET /api/v1/proposals/{0}")
    @ValueSource(strings = {"a%2Fb", "a%5Cb", "a%00b"})
    void pathsRefusedByTheContainerStillAnswerInTheEnvelope(String id) {
        long before = eventCount();
        assertRejected(http.get(PROPOSALS + "/" + id), 400, before);
    }

    // ---- ids that are only whitespace, text that is not Unicode, numbers that overflow, bodies that are not UTF-8
    // ----

    static Stream<Arguments> whitespaceIdRequests() {
        return Stream.of("%20", "%09", "%20%20")
                .flatMap(id -> Stream.of(
                        Arguments.of("GET", PROPOSALS + "/" + id),
                        Arguments.of("GET", PROPOSALS + "/" + id + "/history"),
                        Arguments.of("POST", PROPOSALS + "/" + id + "/approve"),
                        Arguments.of("POST", PROPOSALS + "/" + id + "/deploy"),
                        Arguments.of("POST", PROPOSALS + "/" + id + "/rollback"),
                        Arguments.of("DELETE", PROPOSALS + "/" + id),
                        Arguments.of("DELETE", "/api/v1/auth/api-keys/" + id),
                        Arguments.of("DELETE", "/api/v1/auth/passkeys/" + id)));
    }

    /** A UUID path id that is only whitespace converts to nothing: a 400, not a 500. */
    @ParameterizedTest(name = "{0} {1} -> 400")
    @MethodSource("whitespaceIdRequests")
    void whitespaceOnlyPathIdIs400(String method, String path) {
        long before = eventCount();
        Http.Response response = switch (method) {
            case "GET" -> http.get(path);
            case "DELETE" -> http.delete(path);
            default -> http.post(path, "{}");
        };
        assertRejected(response, 400, before);
    }

    static Stream<Arguments> textThatIsNotUnicode() {
        return Stream.of(
                Arguments.of("lone high surrogate in name", withRaw("name", "\"sur\\ud800rogate\"")),
                Arguments.of("lone low surrogate in name", withRaw("name", "\"sur\\udc00rogate\"")),
                Arguments.of("surrogates in the wrong order", withRaw("name", "\"\\ude00\\ud83d\"")),
                Arguments.of("high surrogate at the end", withRaw("description", "\"end\\ud83d\"")),
                Arguments.of(
                        "lone surrogate deep in trigger",
                        withRaw("trigger", "[{\"trigger\": \"state\", \"to\": \"\\ud800\"}]")),
                Arguments.of(
                        "lone surrogate in a key",
                        withRaw("actions", "[{\"action\": \"light.turn_on\", \"k\\ud800\": 1}]")),
                Arguments.of(
                        "number that overflows to infinity",
                        withRaw(
                                "trigger",
                                "[{\"trigger\": \"numeric_state\", \"entity_id\": \"sensor.t\", \"above\": 1e999999}]")),
                Arguments.of(
                        "negative number that overflows",
                        withRaw(
                                "trigger",
                                "[{\"trigger\": \"numeric_state\", \"entity_id\": \"sensor.t\", \"below\": -1e999999}]")));
    }

    /**
     * Text with a lone surrogate has no UTF-8 form and a number past a double's range is stored as
     * "Infinity": both were accepted once and broke every later read and the deployment.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("textThatIsNotUnicode")
    void textThatIsNotUnicodeOrNumbersThatOverflowAre400(String description, String body) {
        long before = eventCount();
        assertRejected(http.post(PROPOSALS, body), 400, before);
    }

    @Test
    void loneSurrogateInAReasonIs400() {
        String id = create(AUTOMATION);
        long before = eventCount();
        assertRejected(http.post(PROPOSALS + "/" + id + "/reject", "{\"reason\": \"no\\ud800\"}"), 400, before);
        assertRejected(http.post(PROPOSALS + "/" + id + "/approve", "{\"comment\": \"\\udfff\"}"), 400, before);
        assertThat(proposal(id).path("status").asText()).isEqualTo("proposed");
    }

    /** The control for the cases above: a well-formed pair (an emoji) is text like any other and reads back. */
    @Test
    void aSurrogatePairIsAcceptedAndReadsBack() {
        String id = create(withRaw("name", "\"lamp \\ud83d\\udca1\""));
        assertThat(proposal(id).path("name").asText()).isEqualTo("lamp \uD83D\uDCA1");
        assertThat(http.get(PROPOSALS + "/" + id + "?version=1").status()).isEqualTo(200);
    }

    static Stream<Arguments> yamlThatJsonCannotHold() {
        return Stream.of(
                Arguments.of("lone surrogate escape", "alias: \"sur\\ud800rogate\"\ntrigger: []\nactions: []\n"),
                Arguments.of("lone surrogate in a key", "alias: x\ntrigger: [{\"k\\udc00\": 1}]\nactions: []\n"),
                Arguments.of(".inf", "alias: x\ntrigger: [{above: .inf}]\nactions: []\n"),
                Arguments.of("-.inf", "alias: x\ntrigger: [{below: -.inf}]\nactions: []\n"),
                Arguments.of(".nan", "alias: x\ntrigger: [{above: .nan}]\nactions: []\n"),
                Arguments.of("number that overflows", "alias: x\ntrigger: [{above: 1e999999}]\nactions: []\n"));
    }

    /** yaml_content follows the same rules as JSON text and numbers (as a 422, like every YAML problem). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlThatJsonCannotHold")
    void yamlWithTextOrNumbersJsonCannotHoldIs422(String description, String yaml) {
        long before = eventCount();
        ObjectNode body = JSON.createObjectNode().put("yaml_content", yaml);
        assertRejected(http.post(PROPOSALS, body.toString()), 422, before);
    }

    static Stream<Arguments> bodiesThatAreNotUtf8() {
        byte[] utf16 = AUTOMATION.getBytes(StandardCharsets.UTF_16); // big-endian with a byte-order mark
        return Stream.of(
                Arguments.of("UTF-16 with a byte-order mark", utf16),
                Arguments.of("UTF-16LE without a byte-order mark", AUTOMATION.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("UTF-32BE", AUTOMATION.getBytes(Charset.forName("UTF-32BE"))),
                Arguments.of("ISO-8859-1 text", with("name", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of("an encoded surrogate (CESU-8)", nameWithBytes(0xED, 0xA0, 0x80)),
                Arguments.of("an overlong encoding of '/'", nameWithBytes(0xC0, 0xAF)),
                Arguments.of("a sequence cut short", nameWithBytes(0xE2, 0x82)),
                Arguments.of("a stray continuation byte", nameWithBytes(0x80)),
                Arguments.of("a raw NUL byte", nameWithBytes(0x00)));
    }

    /** RFC 8259: JSON is UTF-8. Jackson alone would guess UTF-16/32 from the bytes and accept them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotUtf8")
    void bodyThatIsNotUtf8Is400(String description, byte[] body) {
        long before = eventCount();
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(PROPOSALS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        assertRejected(http.send(request, Map.of()), 400, before);
    }

    /** The valid automation, as UTF-8, with these raw bytes inside the name's value. */
    private static byte[] nameWithBytes(int... raw) {
        String[] parts = with("name", "\"a#b\"").split("#", 2);
        byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
        byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        for (int i = 0; i < raw.length; i++) {
            body[head.length + i] = (byte) raw[i];
        }
        System.arraycopy(tail, 0, body, head.length + raw.length, tail.length);
        return body;
    }

    @Test
    void aContentTypeNamingAnotherCharsetIs415() {
        long before = eventCount();
        for (String charset : new String[] {"UTF-16", "ISO-8859-1", "windows-1252"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(PROPOSALS))
                    .header("Content-Type", "application/json; charset=" + charset)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(AUTOMATION.getBytes(Charset.forName(charset))));
            assertRejected(http.send(request, Map.of()), 415, before);
        }
        HttpRequest.Builder utf8 = HttpRequest.newBuilder(http.uri(PROPOSALS))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        with("name", "\"caf\u00e9\"").getBytes(StandardCharsets.UTF_8)));
        Http.Response created = http.send(utf8, Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("name").asText()).isEqualTo("caf\u00e9");
    }

    /** TRACE is refused before Spring MVC (by the firewall); it still answers in the envelope. */
    @Test
    void traceAnswersInTheEnvelope() {
        long before = eventCount();
        HttpRequest.Builder trace =
                HttpRequest.newBuilder(http.uri(PROPOSALS)).method("TRACE", HttpRequest.BodyPublishers.noBody());
        assertRejected(http.send(trace, Map.of()), 405, before);
    }

    // ---- helpers ----

    /** A 4xx in the error envelope, correlated, free of Java internals, and nothing appended. */
    private void assertRejected(Http.Response response, int status, long eventsBefore) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode error = response.json().path("error");
        assertThat(error.isObject()).as("error envelope: %s", response.body()).isTrue();
        assertThat(error.path("code").isInt()).as(response.body()).isTrue();
        assertThat(error.path("code").asInt()).isEqualTo(status);
        assertThat(error.path("message").isTextual()).as(response.body()).isTrue();
        assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
        assertThat(error.path("type").isTextual()).as(response.body()).isTrue();
        assertThat(error.path("type").asText()).as(response.body()).isEqualTo(TYPES.get(status));
        String correlationId = error.path("correlation_id").asText();
        assertThat(correlationId).as(response.body()).isNotBlank();
        assertThat(response.header("X-Correlation-ID")).isEqualTo(correlationId);
        assertThat(response.body())
                .as("no Java internals in the body")
                .doesNotContain(
                        "Exception",
                        "\tat ",
                        "at java.",
                        "at org.",
                        "at io.",
                        "java.lang",
                        "org.springframework",
                        "org.axonframework",
                        "com.fasterxml",
                        "org.yaml",
                        "io.aether");
        assertThat(eventCount()).as("no event appended").isEqualTo(eventsBefore);
    }

    /** The valid automation with one field replaced by raw JSON. */
    private static String with(String field, String rawJson) {
        ObjectNode node = automation();
        try {
            node.set(field, JSON.readTree(rawJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node.toString();
    }

    /** The valid automation with one field's value replaced by this exact text, not re-encoded. */
    private static String withRaw(String field, String rawJson) {
        return with(field, "\"@raw@\"").replace("\"@raw@\"", rawJson);
    }

    private static String without(String field) {
        ObjectNode node = automation();
        node.remove(field);
        return node.toString();
    }

    private static ObjectNode automation() {
        try {
            return (ObjectNode) JSON.readTree(AUTOMATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    /** A well-formed proposal whose description makes the body about 1.1 MiB. */
    private static String hugeBody() {
        return with("description", quoted("x".repeat(1_100_000)));
    }
}
