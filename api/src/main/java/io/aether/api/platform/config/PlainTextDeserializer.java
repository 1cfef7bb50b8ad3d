package io.aether.api.platform.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Strings in request bodies may not carry NUL or other C0 control characters (tab, newline and
 * carriage return are fine): PostgreSQL text columns refuse NUL, and no field needs them.
 */
class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = super.deserialize(p, ctxt);
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw JsonMappingException.from(
                            p, "contains a control character (U+" + String.format("%04X", (int) c) + ")");
                }
            }
        }
        return text;
    }
}
