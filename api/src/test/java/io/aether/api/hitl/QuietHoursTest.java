package io.aether.api.hitl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Quiet hours windows, including one over midnight. */
class QuietHoursTest {
    @Test
    void windowsIncludeTheStartExcludeTheEndAndMayRunOverMidnight() {
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(23, 0), "22:00", "07:00"))
                .isTrue();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(3, 0), "22:00", "07:00"))
                .isTrue();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(7, 0), "22:00", "07:00"))
                .isFalse();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(12, 0), "22:00", "07:00"))
                .isFalse();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(12, 0), "09:00", "17:00"))
                .isTrue();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(9, 0), "09:00", "17:00"))
                .isTrue();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(17, 0), "09:00", "17:00"))
                .isFalse();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(12, 0), null, "17:00"))
                .isFalse();
        assertThat(HomeAssistantNotificationChannel.quiet(LocalTime.of(12, 0), "09:00", "09:00"))
                .isFalse();
    }
}
