package io.aether.api.hitl;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where notifications that ask for a decision go (docs/configuration.md).
 *
 * @param notifyService the Home Assistant notify service, e.g. {@code notify.mobile_app_phone};
 *                      blank: no proposal or insight is pushed (the test endpoints name their own)
 * @param timeZone      the zone the settings' quiet hours are read in; blank: the server's
 */
@ConfigurationProperties("aether.notifications")
public record HitlProperties(String notifyService, String timeZone) {

    public boolean configured() {
        return notifyService != null && !notifyService.isBlank();
    }

    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone.strip());
    }
}
