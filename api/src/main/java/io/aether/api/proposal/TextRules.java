package io.aether.api.proposal;

import io.aether.api.platform.error.ApiException;

/** Text that ends up in PostgreSQL text columns and Home Assistant must not carry control characters. */
final class TextRules {
    private TextRules() {
    }

    /** NUL and other C0 control characters (tab, newline and carriage return allowed) are a 422. */
    static void requirePlainText(String field, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw ApiException.validation("'" + field + "' contains a control character (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
    }
}
