package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.schedule.ScheduleRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the insight-schedule endpoints (snake_case on the wire), with the original's limits. */
public final class InsightScheduleRequests {
    private InsightScheduleRequests() {}

    /**
     * analysis_type: a known analysis type (energy, anomaly, device_health, automation_gap; only
     * device_health runs today). cron_expression: a 5-field crontab, required for cron triggers;
     * webhook_event: required for webhook triggers (both 400 when missing, as the original).
     */
    @Schema(name = "InsightScheduleCreate")
    public record Create(
            @NotBlank @Size(max = ScheduleRules.MAX_NAME) String name,
            @NotBlank @Size(max = 50) String analysisType,
            @NotNull @Pattern(regexp = "^(cron|webhook)$") String triggerType,
            Boolean enabled,
            @Size(max = ScheduleRules.MAX_ENTITIES) List<@NotBlank @Size(max = 255) String> entityIds,

            @Min(ScheduleRules.MIN_HOURS) @Max(ScheduleRules.MAX_HOURS)
            Integer hours,

            JsonNode options,
            @Size(max = ScheduleRules.MAX_CRON) String cronExpression,
            @Size(max = ScheduleRules.MAX_WEBHOOK_EVENT) String webhookEvent,
            JsonNode webhookFilter) {}

    /** A partial update: the fields given replace the schedule's; a body with none is a 400. */
    @Schema(name = "InsightScheduleUpdate")
    public record Update(
            @Size(min = 1, max = ScheduleRules.MAX_NAME) String name,
            Boolean enabled,
            @Size(min = 1, max = 50) String analysisType,
            @Size(max = ScheduleRules.MAX_ENTITIES) List<@NotBlank @Size(max = 255) String> entityIds,

            @Min(ScheduleRules.MIN_HOURS) @Max(ScheduleRules.MAX_HOURS)
            Integer hours,

            JsonNode options,
            @Size(max = ScheduleRules.MAX_CRON) String cronExpression,
            @Size(max = ScheduleRules.MAX_WEBHOOK_EVENT) String webhookEvent,
            JsonNode webhookFilter) {}
}
