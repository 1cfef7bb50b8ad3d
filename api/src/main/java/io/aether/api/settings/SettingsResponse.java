package io.aether.api.settings;

import io.aether.domain.settings.SettingsSection;
import io.aether.domain.settings.query.SettingsView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Every section with its current values, defaults merged with the overrides (the original's SettingsResponse). */
@Schema(name = "SettingsResponse")
public record SettingsResponse(
        Map<String, Object> chat,
        Map<String, Object> dashboard,
        Map<String, Object> dataScience,
        Map<String, Object> notifications) {

    static SettingsResponse of(SettingsView view) {
        return new SettingsResponse(
                view.section(SettingsSection.CHAT),
                view.section(SettingsSection.DASHBOARD),
                view.section(SettingsSection.DATA_SCIENCE),
                view.section(SettingsSection.NOTIFICATIONS));
    }
}
