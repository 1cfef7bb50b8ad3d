package io.aether.api.platform.config;

/**
 * Java strings are UTF-16 and may hold a surrogate without its partner (JSON's {@code "\ud800"}
 * makes one). Such a string has no UTF-8 form: PostgreSQL refuses it and every later read of it
 * fails, so it is refused where it comes in.
 */
public final class UnicodeText {
    private UnicodeText() {}

    /** The index of the first surrogate without its partner, or -1 when the text is valid Unicode. */
    public static int loneSurrogateAt(char[] text, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i - offset;
            }
        }
        return -1;
    }

    public static int loneSurrogateAt(String text) {
        return loneSurrogateAt(text.toCharArray(), 0, text.length());
    }

    /** Describes the lone surrogate at {@code index}, for an error message. */
    public static String describe(char surrogate) {
        return "a lone UTF-16 surrogate (U+" + String.format("%04X", (int) surrogate) + ") that is not valid Unicode";
    }
}
