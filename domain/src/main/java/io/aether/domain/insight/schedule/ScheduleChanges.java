package io.aether.domain.insight.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.AnalysisType;
import java.util.List;

/** A partial update: each non-null field replaces the schedule's; the trigger type cannot change. */
public record ScheduleChanges(
        String name,
        Boolean enabled,
        AnalysisType analysisType,
        List<String> entityIds,
        Integer hours,
        JsonNode options,
        String cronExpression,
        String webhookEvent,
        JsonNode webhookFilter) {

    public boolean isEmpty() {
        return name == null
                && enabled == null
                && analysisType == null
                && entityIds == null
                && hours == null
                && options == null
                && cronExpression == null
                && webhookEvent == null
                && webhookFilter == null;
    }

    /** The settings with these changes made. */
    public ScheduleSettings applyTo(ScheduleSettings s) {
        return new ScheduleSettings(
                name == null ? s.name() : name,
                enabled == null ? s.enabled() : enabled,
                analysisType == null ? s.analysisType() : analysisType,
                s.triggerType(),
                entityIds == null ? s.entityIds() : entityIds,
                hours == null ? s.hours() : hours,
                options == null ? s.options() : options,
                cronExpression == null ? s.cronExpression() : cronExpression,
                webhookEvent == null ? s.webhookEvent() : webhookEvent,
                webhookFilter == null ? s.webhookFilter() : webhookFilter);
    }
}
