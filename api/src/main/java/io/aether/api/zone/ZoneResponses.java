package io.aether.api.zone;

import io.aether.api.homeassistant.HomeAssistantZones;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Response bodies of /zones, field for field the original's; a token is never among them. */
public final class ZoneResponses {
    private ZoneResponses() {}

    @Schema(name = "ZoneResponse")
    public record Zone(
            String id,
            String name,
            String slug,
            String haUrl,
            @Schema(nullable = true) String haUrlRemote,
            boolean isDefault,
            @Schema(nullable = true) Double latitude,
            @Schema(nullable = true) Double longitude,
            @Schema(nullable = true) String icon,
            String urlPreference,
            Instant createdAt,
            Instant updatedAt) {
        static Zone of(HomeAssistantZones.Zone zone) {
            return new Zone(
                    zone.id().toString(),
                    zone.name(),
                    zone.slug(),
                    zone.haUrl(),
                    zone.haUrlRemote(),
                    zone.isDefault(),
                    zone.latitude(),
                    zone.longitude(),
                    zone.icon(),
                    zone.urlPreference(),
                    zone.createdAt(),
                    zone.updatedAt());
        }
    }

    /** POST /zones/{id}/test: each URL tried with the zone's token; remote fields null without a remote URL. */
    @Schema(name = "ZoneTestResult")
    public record TestResult(
            boolean localOk,
            @Schema(nullable = true) Boolean remoteOk,
            @Schema(nullable = true) String localVersion,
            @Schema(nullable = true) String remoteVersion,
            @Schema(nullable = true) String localError,
            @Schema(nullable = true) String remoteError) {}
}
