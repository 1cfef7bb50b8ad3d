package io.aether.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.error.ApiException;

/**
 * The body Home Assistant posts (original HAWebhookPayload): {@code event_type} (required),
 * {@code entity_id}, {@code data} (an object: old_state, new_state, action...) and
 * {@code webhook_event}, the label schedules match on.
 */
public record WebhookPayload(String eventType, String entityId, JsonNode data, String webhookEvent) {

    /** 400 for anything but an object with a text {@code event_type} and, when present, an object {@code data}. */
    static WebhookPayload of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The webhook body must be a JSON object");
        }
        JsonNode eventType = body.get("event_type");
        if (eventType == null || !eventType.isTextual() || eventType.asText().isBlank()) {
            throw ApiException.badRequest("event_type is required (a string, e.g. state_changed)");
        }
        JsonNode data = body.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            throw ApiException.badRequest("data must be a JSON object");
        }
        return new WebhookPayload(
                eventType.asText().strip(),
                text(body, "entity_id"),
                data == null || data.isNull() ? null : data,
                text(body, "webhook_event"));
    }

    /** The label schedules match on: {@code webhook_event}, else the event type. */
    String label() {
        return webhookEvent != null ? webhookEvent : eventType;
    }

    /** {@code data.<name>} as text: a state string, or the {@code state} of a full state object. */
    String dataText(String... names) {
        if (data == null) {
            return null;
        }
        for (String name : names) {
            JsonNode value = data.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                JsonNode state = value.get("state");
                return state == null || state.isNull() ? null : state.asText();
            }
            return value.asText();
        }
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
