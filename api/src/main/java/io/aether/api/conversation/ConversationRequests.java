package io.aether.api.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of /conversations (snake_case on the wire). */
public final class ConversationRequests {
    /** The longest message a person may send (the limit; the original allowed 50,000). */
    public static final int MAX_MESSAGE = 32_000;

    private ConversationRequests() {}

    @Schema(name = "ConversationCreate")
    public record Create(
            @Size(max = 255) String title,
            @NotBlank @Size(max = MAX_MESSAGE) String initialMessage,
            JsonNode context) {}

    @Schema(name = "ChatRequest")
    public record Send(@NotBlank @Size(max = MAX_MESSAGE) String message, JsonNode context) {}
}
