package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.insight.InsightRules;
import io.aether.domain.insight.InsightType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the insight endpoints (snake_case on the wire), with the original's limits. */
public final class InsightRequests {
    private InsightRequests() {}

    /** entities: Home Assistant entity ids (the original kept internal UUIDs and dropped the rest). */
    @Schema(name = "InsightCreate")
    public record Create(
            @NotNull InsightType type,
            @NotBlank @Size(max = InsightRules.MAX_TITLE) String title,

            @NotNull @Size(max = InsightRules.MAX_DESCRIPTION)
            String description,

            @NotNull JsonNode evidence,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double confidence,
            @NotNull InsightImpact impact,
            @Size(max = InsightRules.MAX_ENTITIES) List<@NotBlank @Size(max = 255) String> entities,
            @Size(max = 500) String scriptPath,
            JsonNode scriptOutput,
            @Size(max = 100) String mlflowRunId,
            @Size(max = 255) String conversationId,
            @Size(max = 255) String taskLabel) {}

    /** reviewed_by is a display label; who reviewed is the authenticated principal. */
    @Schema(name = "ReviewRequest")
    public record Review(
            @Size(max = 100) String reviewedBy,
            @Size(max = 2000) String comment) {}

    /**
     * actioned_by is a display label. create_automation=true creates the proposal the insight's
     * {@code evidence.suggested_automation} describes (the original accepted it and did nothing).
     */
    @Schema(name = "ActionRequest")
    public record Action(
            @Size(max = 100) String actionedBy,
            @Size(max = 2000) String actionTaken,
            Boolean createAutomation) {}

    @Schema(name = "DismissRequest")
    public record Dismiss(@Size(max = 2000) String reason) {}

    /**
     * POST /insights/analyze. analysis_type defaults to the original's {@code energy} (not built
     * yet: 422); options are the analysis' own settings ({@code device_health}:
     * {@code unavailable_for_minutes} 0..10080, {@code battery_threshold} 0..100).
     */
    @Schema(name = "AnalysisRequest")
    public record Analyze(
            String analysisType,
            @Size(max = InsightRules.MAX_ENTITIES) List<@NotBlank @Size(max = 255) String> entityIds,
            @Min(1) @Max(672) Integer hours,
            JsonNode options) {}
}
