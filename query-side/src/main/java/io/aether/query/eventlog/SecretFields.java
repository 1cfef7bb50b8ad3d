package io.aether.query.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule that keeps secrets out of the audit log, whatever a payload holds. Events are
 * designed to carry none (hashes, keys, tokens and passwords live in the auth tables; an API key
 * event holds its shown prefix only), so this is a second line: any field, at any depth, whose
 * name says it holds a secret has its value replaced by {@value #REDACTED}. Names are compared
 * without case, underscores or dashes, so {@code ha_token}, {@code haToken} and {@code HA-Token}
 * are one name.
 */
public final class SecretFields {
    public static final String REDACTED = "[redacted]";

    /** A name equal to one of these, or ending with one of them ({@code accessToken}), is a secret. */
    private static final Set<String> SECRET_NAMES = Set.of(
            "password", "passwordhash", "token", "secret", "apikey", "keyhash", "hatoken", "privatekey", "credential");

    private SecretFields() {}

    /** Whether a field of this name must never be shown. */
    public static boolean isSecret(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (SECRET_NAMES.contains(name)) {
            return true;
        }
        for (String secret : SECRET_NAMES) {
            if (name.endsWith(secret)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces, in place, the value of every secret-named field of the tree; returns the tree. */
    public static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> secrets = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (isSecret(field.getKey())) {
                    secrets.add(field.getKey());
                } else {
                    redact(field.getValue());
                }
            }
            secrets.forEach(name -> object.set(name, TextNode.valueOf(REDACTED)));
        } else if (node instanceof ArrayNode array) {
            array.forEach(SecretFields::redact);
        }
        return node;
    }
}
