package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads automation YAML safely (standard tags only, bounded aliases, depth and size) and writes
 * the Home Assistant YAML shown to people.
 */
@Component
public class ProposalYaml {
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 40;
    static final int MAX_CODE_POINTS = 64 * 1024;

    private final ObjectMapper mapper;

    public ProposalYaml(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses one YAML mapping into JSON; any YAML problem is a 422 naming it. */
    public JsonNode parseMapping(String text) {
        Object document;
        try {
            document = loader().load(text);
        } catch (YAMLException | IllegalArgumentException e) {
            throw ApiException.validation("Invalid YAML: " + firstLine(e.getMessage()));
        } catch (ClassCastException e) {
            // SafeConstructor given a standard tag on the wrong kind of node, such as !!map on a list.
            throw ApiException.validation("Invalid YAML: a tag does not fit the node it is on");
        } catch (StackOverflowError e) {
            throw ApiException.validation("Invalid YAML: nested too deeply");
        }
        if (!(document instanceof Map<?, ?>)) {
            throw ApiException.validation("Invalid YAML: expected a mapping with the automation's keys");
        }
        return mapper.valueToTree(plain(document, new IdentityHashMap<>()));
    }

    /** Block-style YAML of a JSON object, keys in their order. */
    public String dump(JsonNode node) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        Object value = mapper.convertValue(node, Object.class);
        return new Yaml(new Representer(options), options).dump(value);
    }

    private static Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        // SafeConstructor: only standard YAML types; custom and language-specific tags are refused.
        return new Yaml(new SafeConstructor(options));
    }

    /**
     * YAML timestamps become ISO strings; binary, non-finite numbers and text that JSON and
     * PostgreSQL cannot hold are refused, so the result is plain JSON. An
     * alias inside its own anchor makes a structure that contains itself: refused, not followed.
     */
    private static Object plain(Object value, Map<Object, Boolean> open) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            if (open.put(value, Boolean.TRUE) != null) {
                throw ApiException.validation("Invalid YAML: an alias refers to the collection that contains it");
            }
            try {
                if (value instanceof Map<?, ?> map) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    map.forEach((k, v) -> {
                        String key = String.valueOf(k);
                        TextRules.requirePlainText("yaml_content", key);
                        out.put(key, plain(v, open));
                    });
                    return out;
                }
                List<Object> out = new ArrayList<>();
                ((Collection<?>) value).forEach(v -> out.add(plain(v, open)));
                return out;
            } finally {
                open.remove(value);
            }
        }
        if (value instanceof Date date) {
            return Instant.ofEpochMilli(date.getTime()).toString();
        }
        if (value instanceof byte[]) {
            throw ApiException.validation("Invalid YAML: binary values are not allowed");
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            // .inf, .nan and numbers too large for a double: JSON cannot carry them.
            throw ApiException.validation("Invalid YAML: numbers must be finite (no .inf, .nan or overflowing values)");
        }
        if (value instanceof String text) {
            TextRules.requirePlainText("yaml_content", text);
        }
        return value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable document";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable document");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
