package io.aether.api.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of model ratings and flow grades, the original's. */
public final class FeedbackRequests {
    private FeedbackRequests() {}

    @Schema(name = "ModelRatingCreate")
    public record Rating(
            @NotBlank @Size(max = 255) String modelName,
            @NotBlank @Size(max = 50) String agentRole,
            @NotNull @Min(1) @Max(5) Integer rating,
            @Schema(nullable = true) @Size(max = 2000) String notes,

            @Schema(nullable = true, type = "object", description = "the agent's active config when absent")
            JsonNode configSnapshot) {}

    @Schema(name = "FlowGradeCreate")
    public record Grade(
            @NotBlank @Size(max = 255) String conversationId,

            @NotNull
            @Schema(
                    allowableValues = {"1", "-1"},
                    description = "1 = thumbs up, -1 = thumbs down")
            Integer grade,

            @Schema(nullable = true, description = "null: the whole conversation") @Size(max = 255)
            String spanId,

            @Schema(nullable = true) @Size(max = 2000) String comment,
            @Schema(nullable = true) @Size(max = 50) String agentRole,
            @Schema(nullable = true) @Size(max = 255) String traceId) {}
}
