package io.aether.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Checks real responses against the served OpenAPI 3.1 document: the status must be listed for
 * the operation (a 4xx/5xx may fall under {@code 4XX}/{@code 5XX}), a body must be described
 * when there is one and absent when there is none, and the body must validate against the
 * documented JSON Schema, so a null where the schema does not allow null is a problem.
 */
public final class OpenApiContract {
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    public OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** What is wrong with this response according to the document; empty when it matches. */
    public List<String> problems(String method, String path, int status, String body) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String what = method + " " + bare + " -> " + status;
        Optional<String> template = template(bare);
        if (template.isEmpty()) {
            return List.of(what + ": no path of the document matches");
        }
        JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of(what + ": " + template.get() + " has no " + method + " operation");
        }
        JsonNode responses = operation.path("responses");
        String key = String.valueOf(status);
        if (!responses.has(key) && status >= 400) {
            key = (status / 100) + "XX";
        }
        if (!responses.has(key)) {
            List<String> documented = new ArrayList<>();
            responses.fieldNames().forEachRemaining(documented::add);
            return List.of(what + ": status not documented for " + method + " " + template.get() + " (documented: "
                    + documented + ")");
        }
        JsonNode schema =
                responses.path(key).path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            schema = responses.path(key).path("content").path("*/*").path("schema");
        }
        boolean hasBody = body != null && !body.isEmpty();
        if (!hasBody) {
            return schema.isMissingNode()
                    ? List.of()
                    : List.of(what + ": the document describes a body, the response has none");
        }
        if (schema.isMissingNode()) {
            return List.of(what + ": the response has a body, the document describes none");
        }
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        Schema validator = registry.getSchema(root.toString(), InputFormat.JSON);
        return validator.validate(body, InputFormat.JSON).stream()
                .map(error -> what + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    /** The document's path template for a concrete path; literal segments beat variables. */
    public Optional<String> template(String path) {
        List<String> matches = new ArrayList<>();
        for (Iterator<String> names = document.path("paths").fieldNames(); names.hasNext(); ) {
            String template = names.next();
            String regex = "\\Q" + template.replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (path.matches(regex)) {
                matches.add(template);
            }
        }
        return matches.stream()
                .min(Comparator.comparingLong(
                        t -> t.chars().filter(c -> c == '{').count()));
    }
}
