package io.aether.api.optimization;

import io.aether.domain.insight.InsightRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of /optimize, with the original's limits. */
final class OptimizationRequests {
    private OptimizationRequests() {}

    @Schema(name = "OptimizationRequest")
    record Start(
            @Size(max = 6) List<@NotBlank String> analysisTypes,
            @Min(1) @Max(720) Integer hours,
            @Size(max = InsightRules.MAX_ENTITIES) List<@NotBlank @Size(max = 255) String> entityIds,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> focusAreas) {}

    @Schema(name = "SuggestionAcceptRequest")
    record Accept(@Size(max = 2000) String comment) {}

    @Schema(name = "SuggestionRejectRequest")
    record Reject(@Size(max = 2000) String reason) {}
}
