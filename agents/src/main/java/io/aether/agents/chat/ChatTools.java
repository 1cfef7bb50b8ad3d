package io.aether.agents.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;

/**
 * The tools a model may call, implemented by the api module: read-only tools over Aether's
 * mirrors of Home Assistant and exactly one way to change anything, {@code seek_approval}, which
 * creates a proposal in {@code proposed} for a person to approve. No implementation may call Home
 * Assistant's write API.
 */
public interface ChatTools {
    /** Whether this tool is implemented (a config may enable tools that are not; they are not offered). */
    boolean supports(String toolName);

    /**
     * Runs a tool. A refusal of the arguments is an answer ({@link ToolResult#refused}), not an
     * exception: the model reads it and may try again.
     */
    ToolResult call(String toolName, JsonNode arguments, Context context);

    /** Who and which turn a call belongs to. */
    record Context(UUID conversationId, String traceId, String agent, Actor actor) {}

    /**
     * What the model is told, and the proposal a call created (null when none).
     *
     * @param error null when the tool did its work
     */
    record ToolResult(String text, UUID proposalId, String error) {
        public static ToolResult of(String text) {
            return new ToolResult(text, null, null);
        }

        public static ToolResult proposal(String text, UUID proposalId) {
            return new ToolResult(text, proposalId, null);
        }

        public static ToolResult refused(String reason) {
            return new ToolResult("{\"error\":" + quote(reason) + "}", null, reason);
        }

        private static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
