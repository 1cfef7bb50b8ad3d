package io.aether.domain.insight.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.AnalysisType;
import java.util.List;

/**
 * Everything a schedule says: what to analyse and when. The whole of it travels in the created and
 * updated events.
 *
 * @param entityIds      the entities to analyse; null for all
 * @param options        the analysis' own settings (a JSON object, possibly empty)
 * @param cronExpression a 5-field crontab (minute hour day-of-month month day-of-week), cron triggers
 * @param webhookEvent   the event label a webhook must carry, webhook triggers
 * @param webhookFilter  the webhook's match criteria (a JSON object), or null
 */
public record ScheduleSettings(
        String name,
        boolean enabled,
        AnalysisType analysisType,
        ScheduleTrigger triggerType,
        List<String> entityIds,
        int hours,
        JsonNode options,
        String cronExpression,
        String webhookEvent,
        JsonNode webhookFilter) {
    public ScheduleSettings {
        entityIds = entityIds == null ? null : List.copyOf(entityIds);
        // A stored null comes back as a JSON null node: both mean "no filter".
        webhookFilter = webhookFilter == null || webhookFilter.isNull() ? null : webhookFilter;
    }
}
