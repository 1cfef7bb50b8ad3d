package io.aether.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.insight.schedule.ScheduleSettings;
import java.util.regex.Pattern;

/**
 * Whether a webhook schedule matches a payload: its {@code webhook_event} equals the payload's
 * label ({@code webhook_event}, else {@code event_type}), and every criterion its
 * {@code webhook_filter} sets holds: {@code entity_id} a glob (fnmatch: {@code *}, {@code ?},
 * {@code [abc]}, {@code [!abc]}) on the payload's entity id, {@code event_type} equal,
 * {@code to_state} equal to {@code data.new_state} (or {@code data.to_state}), {@code from_state}
 * equal to {@code data.old_state} (or {@code data.from_state}).
 */
final class WebhookMatch {
    private WebhookMatch() {}

    static boolean matches(ScheduleSettings schedule, WebhookPayload payload) {
        if (schedule.webhookEvent() == null || !schedule.webhookEvent().equals(payload.label())) {
            return false;
        }
        JsonNode filter = schedule.webhookFilter();
        if (filter == null || !filter.isObject()) {
            return true;
        }
        String entityGlob = text(filter, "entity_id");
        if (entityGlob != null
                && (payload.entityId() == null
                        || !glob(entityGlob).matcher(payload.entityId()).matches())) {
            return false;
        }
        return same(text(filter, "event_type"), payload.eventType())
                && same(text(filter, "to_state"), payload.dataText("new_state", "to_state"))
                && same(text(filter, "from_state"), payload.dataText("old_state", "from_state"));
    }

    /** Python's fnmatch.translate, case-sensitive. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    regex.append("\\[");
                    continue;
                }
                String set = glob.substring(i + 1, end);
                regex.append('[');
                if (set.startsWith("!")) {
                    regex.append('^');
                    set = set.substring(1);
                }
                regex.append(set.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "\\&\\&"));
                regex.append(']');
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static String text(JsonNode filter, String field) {
        JsonNode value = filter.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
