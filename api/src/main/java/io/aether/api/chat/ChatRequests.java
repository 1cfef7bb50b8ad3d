package io.aether.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the chat endpoints (snake_case on the wire; unknown OpenAI fields are ignored). */
public final class ChatRequests {
    private ChatRequests() {}

    /** POST /chat/completions: OpenAI's request plus the original's extras. */
    @Schema(name = "ChatCompletionRequest")
    public record Completion(
            @Size(max = 200) String model,
            List<Message> messages,
            @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
            @Min(1) Integer maxTokens,
            Boolean stream,
            @Size(max = 255) String user,
            @Size(max = 255) String conversationId,
            @Size(max = 50) String agent,
            @Size(max = 100) String workflowPreset,
            List<String> disabledAgents) {

        boolean streaming() {
            return Boolean.TRUE.equals(stream);
        }
    }

    /** One message; {@code content} is text or OpenAI's list of parts ({@code {"type":"text","text":...}}). */
    @Schema(name = "ChatMessage")
    public record Message(String role, JsonNode content, String name, JsonNode toolCalls, String toolCallId) {}

    /** POST /feedback. */
    @Schema(name = "FeedbackRequest")
    public record Feedback(
            @NotBlank @Size(max = 64) String traceId,

            @NotBlank @Pattern(regexp = "positive|negative", message = "must be positive or negative")
            String sentiment) {}
}
