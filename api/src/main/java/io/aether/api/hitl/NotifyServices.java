package io.aether.api.hitl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.platform.error.ApiException;
import io.aether.command.hitl.NotificationChannel.Button;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Calls a Home Assistant notify service the way the Companion app understands: {@code title},
 * {@code message} and, for actionable notifications, {@code data.actions} (each {@code action} id
 * comes back as a {@code mobile_app_notification_action} event) and a {@code data.tag} so that a
 * newer notification about the same thing replaces the older one.
 */
@Component
public class NotifyServices {
    /** {@code notify.<service>}: HA's service names are lower-case slugs. */
    private static final Pattern SERVICE = Pattern.compile("notify\\.[a-z0-9_]{1,200}");

    private final HomeAssistantConnection connection;
    private final ObjectMapper mapper;

    public NotifyServices(HomeAssistantConnection connection, ObjectMapper mapper) {
        this.connection = connection;
        this.mapper = mapper;
    }

    /** 422 unless the name is a notify service ({@code notify.<slug>}). */
    public static String check(String notifyService) {
        String name = notifyService == null ? "" : notifyService.strip();
        if (!SERVICE.matcher(name).matches()) {
            throw ApiException.validation(
                    "notify_service must be a Home Assistant notify service such as notify.mobile_app_phone");
        }
        return name;
    }

    public void send(String notifyService, String title, String message, List<Button> buttons, String tag) {
        String name = check(notifyService);
        ObjectNode body = mapper.createObjectNode();
        body.put("title", title);
        body.put("message", message == null || message.isBlank() ? title : message);
        if (!buttons.isEmpty() || tag != null) {
            ObjectNode data = body.putObject("data");
            if (!buttons.isEmpty()) {
                ArrayNode actions = data.putArray("actions");
                buttons.forEach(
                        b -> actions.addObject().put("action", b.action()).put("title", b.title()));
            }
            if (tag != null) {
                data.put("tag", tag);
            }
        }
        connection.client().callService("notify", name.substring("notify.".length()), body);
    }
}
