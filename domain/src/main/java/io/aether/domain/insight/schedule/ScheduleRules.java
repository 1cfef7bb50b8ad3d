package io.aether.domain.insight.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * What a schedule's settings must satisfy apart from the cron expression's grammar (checked by the
 * aggregate). The original's 400s (a trigger without what it needs) and its 422s (out of range)
 * are told apart by {@link InvalidScheduleException#kind()}.
 */
public final class ScheduleRules {
    public static final int MAX_NAME = 255;
    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 8760;
    public static final int MAX_CRON = 100;
    public static final int MAX_WEBHOOK_EVENT = 255;
    public static final int MAX_ENTITIES = 100;

    private ScheduleRules() {}

    /** Values out of range (422). */
    public static List<String> problems(ScheduleSettings s) {
        List<String> problems = new ArrayList<>();
        if (s.name() == null || s.name().isBlank()) {
            problems.add("name is required");
        } else if (s.name().length() > MAX_NAME) {
            problems.add("name is longer than " + MAX_NAME + " characters");
        }
        if (s.analysisType() == null) {
            problems.add("analysis_type is required");
        }
        if (s.triggerType() == null) {
            problems.add("trigger_type is required");
        }
        if (s.hours() < MIN_HOURS || s.hours() > MAX_HOURS) {
            problems.add("hours must be from " + MIN_HOURS + " to " + MAX_HOURS);
        }
        if (s.options() == null || !s.options().isObject()) {
            problems.add("options must be a JSON object");
        }
        if (s.webhookFilter() != null && !s.webhookFilter().isObject()) {
            problems.add("webhook_filter must be a JSON object or null");
        }
        if (s.entityIds() != null && s.entityIds().size() > MAX_ENTITIES) {
            problems.add("at most " + MAX_ENTITIES + " entity_ids");
        }
        if (s.cronExpression() != null && s.cronExpression().length() > MAX_CRON) {
            problems.add("cron_expression is longer than " + MAX_CRON + " characters");
        }
        if (s.webhookEvent() != null && s.webhookEvent().length() > MAX_WEBHOOK_EVENT) {
            problems.add("webhook_event is longer than " + MAX_WEBHOOK_EVENT + " characters");
        }
        return problems;
    }

    /** A trigger without what it needs (400, as the original). */
    public static String missingTriggerSetting(ScheduleSettings s) {
        if (s.triggerType() == ScheduleTrigger.CRON && blank(s.cronExpression())) {
            return "cron_expression is required for cron triggers";
        }
        if (s.triggerType() == ScheduleTrigger.WEBHOOK && blank(s.webhookEvent())) {
            return "webhook_event is required for webhook triggers";
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
