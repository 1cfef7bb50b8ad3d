package io.aether.api.proposal;

import io.aether.api.platform.config.UnicodeText;
import io.aether.api.platform.error.ApiException;

/**
 * Text that ends up in PostgreSQL text columns and Home Assistant must not carry control
 * characters, nor lone UTF-16 surrogates (which have no UTF-8 form).
 */
final class TextRules {
    private TextRules() {}

    /** NUL and other C0 control characters (tab, newline and carriage return allowed) and lone surrogates are a 422. */
    static void requirePlainText(String field, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw ApiException.validation(
                        "'" + field + "' contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        int lone = UnicodeText.loneSurrogateAt(text);
        if (lone >= 0) {
            throw ApiException.validation("'" + field + "' contains " + UnicodeText.describe(text.charAt(lone)));
        }
    }
}
