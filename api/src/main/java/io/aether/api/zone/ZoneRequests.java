package io.aether.api.zone;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of /zones, the original's ZoneCreate and ZoneUpdate. */
public final class ZoneRequests {
    static final String URL_PREFERENCES = "auto|local|remote";

    private ZoneRequests() {}

    @Schema(name = "ZoneCreate")
    public record Create(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String haUrl,
            @Schema(nullable = true) @Size(max = 500) String haUrlRemote,
            @NotBlank @Size(max = 1000) String haToken,
            @Schema(nullable = true, defaultValue = "false") Boolean isDefault,

            @Schema(nullable = true) @DecimalMin("-90") @DecimalMax("90")
            Double latitude,

            @Schema(nullable = true) @DecimalMin("-180") @DecimalMax("180")
            Double longitude,

            @Schema(nullable = true) @Size(max = 100) String icon,

            @Schema(
                    nullable = true,
                    allowableValues = {"auto", "local", "remote"},
                    defaultValue = "auto")
            @Pattern(regexp = URL_PREFERENCES, message = "must be auto, local or remote")
            String urlPreference) {
        @Override
        public String toString() {
            return "ZoneCreate[name=" + name + "]";
        }
    }

    /** Only the fields given change; an empty {@code ha_url_remote} removes the remote URL. */
    @Schema(name = "ZoneUpdate")
    public record Update(
            @Schema(nullable = true) @Size(min = 1, max = 200)
            String name,

            @Schema(nullable = true) @Size(min = 1, max = 500)
            String haUrl,

            @Schema(nullable = true) @Size(max = 500) String haUrlRemote,

            @Schema(nullable = true) @Size(min = 1, max = 1000)
            String haToken,

            @Schema(nullable = true) @DecimalMin("-90") @DecimalMax("90")
            Double latitude,

            @Schema(nullable = true) @DecimalMin("-180") @DecimalMax("180")
            Double longitude,

            @Schema(nullable = true) @Size(max = 100) String icon,

            @Schema(
                    nullable = true,
                    allowableValues = {"auto", "local", "remote"})
            @Pattern(regexp = URL_PREFERENCES, message = "must be auto, local or remote")
            String urlPreference) {
        @Override
        public String toString() {
            return "ZoneUpdate[name=" + name + "]";
        }
    }
}
