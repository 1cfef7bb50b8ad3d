package io.aether.api.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The original's conversation id for OpenAI clients that send none: the first 32 hex characters
 * of the SHA-256 of the first non-empty user message, as 8-4-4-4-12, so a client that resends the
 * history continues one conversation. Background requests (title or suggestion generation, told
 * by their system prompt) get a random id.
 */
final class ConversationIds {
    private ConversationIds() {}

    static UUID fromFirstMessage(String firstUserMessage) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(firstUserMessage.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest).substring(0, 32);
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A system prompt asking for a title or suggestions (what chat UIs send beside the conversation). */
    static boolean background(String systemText) {
        String s = systemText.toLowerCase(Locale.ROOT);
        return (s.contains("title") && (s.contains("generate") || s.contains("conversation")))
                || s.contains("follow-up suggestion")
                || s.contains("suggest follow");
    }
}
