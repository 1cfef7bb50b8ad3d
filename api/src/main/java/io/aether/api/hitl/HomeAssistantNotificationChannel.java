package io.aether.api.hitl;

import io.aether.api.settings.AppSettings;
import io.aether.command.hitl.NotificationChannel;
import io.aether.domain.insight.InsightImpact;
import io.aether.domain.settings.SettingsSection;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The notification process' channel: the configured notify service
 * ({@code aether.notifications.notify-service}) when the {@code notifications} settings allow a
 * push now (enabled, outside quiet hours, and for an insight at or above {@code min_impact}).
 */
@Component
public class HomeAssistantNotificationChannel implements NotificationChannel {
    private final HitlProperties properties;
    private final AppSettings settings;
    private final NotifyServices notify;
    private final Clock clock;

    public HomeAssistantNotificationChannel(
            HitlProperties properties, AppSettings settings, NotifyServices notify, Clock clock) {
        this.properties = properties;
        this.settings = settings;
        this.notify = notify;
        this.clock = clock;
    }

    @Override
    public Optional<String> serviceNow(InsightImpact insightImpact) {
        if (!properties.configured()) {
            return Optional.empty();
        }
        Map<String, Object> section = settings.current().section(SettingsSection.NOTIFICATIONS);
        if (!Boolean.TRUE.equals(section.get("enabled"))) {
            return Optional.empty();
        }
        LocalTime now = LocalTime.now(clock.withZone(properties.zone()));
        if (quiet(now, (String) section.get("quiet_hours_start"), (String) section.get("quiet_hours_end"))) {
            return Optional.empty();
        }
        if (insightImpact != null) {
            Object min = section.get("min_impact");
            InsightImpact threshold = min == null ? InsightImpact.HIGH : InsightImpact.fromWire(min.toString());
            if (insightImpact.compareTo(threshold) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(properties.notifyService().strip());
    }

    @Override
    public void push(String notifyService, String title, String message, List<Button> buttons) {
        // The tag is the target's id (every button's action id ends with it): a newer notification replaces an older
        // one.
        String tag = buttons.isEmpty()
                ? null
                : "aether-"
                        + buttons.get(0)
                                .action()
                                .substring(buttons.get(0).action().indexOf('_') + 1);
        notify.send(notifyService, title, message, buttons, tag);
    }

    /**
     * Inside {@code [start, end)}; a window whose end is before its start runs over midnight
     * (22:00-07:00). Both must be set; equal times are an empty window.
     */
    static boolean quiet(LocalTime now, String start, String end) {
        if (start == null || end == null) {
            return false;
        }
        LocalTime from = LocalTime.parse(start);
        LocalTime to = LocalTime.parse(end);
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to) ? !now.isBefore(from) && now.isBefore(to) : !now.isBefore(from) || now.isBefore(to);
    }
}
