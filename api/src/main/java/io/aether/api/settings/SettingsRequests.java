package io.aether.api.settings;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** Request bodies of the settings endpoints. */
public final class SettingsRequests {
    private SettingsRequests() {}

    /**
     * PATCH /settings, for the documentation only: the controller reads the body as a map, so
     * that an unknown section is refused rather than ignored.
     */
    @Schema(
            name = "SettingsPatchRequest",
            description = "Only the sections and keys to change; the others keep their values")
    public record Patch(
            Map<String, Object> chat,
            Map<String, Object> dashboard,
            Map<String, Object> dataScience,
            Map<String, Object> notifications) {}

    /** POST /settings/reset. */
    @Schema(name = "ResetRequest")
    public record Reset(
            @NotNull @Schema(description = "chat, dashboard, data_science or notifications")
            String section) {}
}
