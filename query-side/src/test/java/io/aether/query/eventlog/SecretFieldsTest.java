package io.aether.query.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void secretNamedFieldsAreRedactedAtAnyDepthWhateverTheirSpelling() throws Exception {
        JsonNode payload = JSON.readTree("""
                {"password": "p", "ha_token": "t", "haToken": "t", "HA-Token": "t", "api_key": "k",
                 "keyHash": "h", "clientSecret": "s", "accessToken": "a", "privateKey": "x",
                 "nested": {"list": [{"secret": "s"}, {"passwordHash": {"deep": "object"}}]},
                 "passwordSet": true, "prefix": "ak_12", "keyId": "k1", "sessionId": "j1", "name": "kept"}""");
        JsonNode redacted = SecretFields.redact(payload);
        for (String field : new String[] {
            "password",
            "ha_token",
            "haToken",
            "HA-Token",
            "api_key",
            "keyHash",
            "clientSecret",
            "accessToken",
            "privateKey"
        }) {
            assertThat(redacted.get(field).asText()).as(field).isEqualTo(SecretFields.REDACTED);
        }
        assertThat(redacted.get("nested").get("list").get(0).get("secret").asText())
                .isEqualTo(SecretFields.REDACTED);
        assertThat(redacted.get("nested").get("list").get(1).get("passwordHash").asText())
                .isEqualTo(SecretFields.REDACTED);
        assertThat(redacted.get("passwordSet").asBoolean()).isTrue();
        assertThat(redacted.get("prefix").asText()).isEqualTo("ak_12");
        assertThat(redacted.get("keyId").asText()).isEqualTo("k1");
        assertThat(redacted.get("sessionId").asText()).isEqualTo("j1");
        assertThat(redacted.get("name").asText()).isEqualTo("kept");
    }
}
