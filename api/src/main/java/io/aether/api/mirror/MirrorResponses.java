package io.aether.api.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Response bodies of the entity, device and area mirrors, in the original's shapes. Additions:
 * {@code platform}, {@code last_changed}, {@code last_updated} on entities, {@code limit},
 * {@code offset} and {@code last_synced_at} (the last full sync, null before the first) on the lists.
 */
public final class MirrorResponses {
    private MirrorResponses() {}

    @Schema(name = "EntityResponse")
    public record Entity(
            @Schema(description = "Aether's id of the mirror row")
            UUID id,

            String entityId,
            String domain,
            String name,
            String state,

            @Schema(type = "object", description = "HA's attributes of the state")
            JsonNode attributes,

            @Schema(description = "The registry's area, else the entity's device's area")
            String areaId,

            String deviceId,

            @Schema(description = "The integration that made it (entity registry)")
            String platform,

            String deviceClass,
            String unitOfMeasurement,
            int supportedFeatures,
            String icon,

            @Schema(description = "HA's last_changed of the state")
            Instant lastChanged,

            @Schema(description = "HA's last_updated of the state")
            Instant lastUpdated,

            @Schema(description = "The last full sync that saw it; null if only known from a state_changed event")
            Instant lastSyncedAt) {

        static Entity of(MirrorStore.Entity e) {
            return new Entity(
                    e.id(),
                    e.entityId(),
                    e.domain(),
                    e.name(),
                    e.state(),
                    e.attributes(),
                    e.areaId(),
                    e.deviceId(),
                    e.platform(),
                    e.deviceClass(),
                    e.unitOfMeasurement(),
                    e.supportedFeatures(),
                    e.icon(),
                    e.lastChanged(),
                    e.lastUpdated(),
                    e.lastSyncedAt());
        }
    }

    @Schema(name = "EntityListResponse")
    public record Entities(
            List<Entity> entities, long total, String domain, int limit, int offset, Instant lastSyncedAt) {}

    /** The original's EntityQueryResult, plus {@code last_synced_at} of the mirror it was answered from. */
    @Schema(name = "EntityQueryResult")
    public record QueryResult(
            List<Entity> entities,
            String query,

            @Schema(description = "How the question was read: kinds, states, areas and name words")
            String interpretedAs,

            Instant lastSyncedAt) {}

    @Schema(name = "DeviceResponse")
    public record Device(
            UUID id,
            String haDeviceId,

            @Schema(description = "name_by_user when set, else the integration's name")
            String name,

            String nameByUser,
            String areaId,
            String manufacturer,
            String model,
            String swVersion,
            String hwVersion,
            String viaDeviceId,
            String disabledBy,
            long entityCount,
            Instant lastSyncedAt) {

        static Device of(MirrorStore.Device d) {
            return new Device(
                    d.id(),
                    d.haDeviceId(),
                    d.name(),
                    d.nameByUser(),
                    d.areaId(),
                    d.manufacturer(),
                    d.model(),
                    d.swVersion(),
                    d.hwVersion(),
                    d.viaDeviceId(),
                    d.disabledBy(),
                    d.entityCount(),
                    d.lastSyncedAt());
        }
    }

    @Schema(name = "DeviceListResponse")
    public record Devices(List<Device> devices, long total, int limit, int offset, Instant lastSyncedAt) {}

    @Schema(name = "AreaResponse")
    public record Area(
            UUID id,
            String haAreaId,
            String name,
            String floorId,
            String icon,
            String picture,

            @Schema(description = "Entities in the area, their own or their device's")
            long entityCount,

            Instant lastSyncedAt) {

        static Area of(MirrorStore.Area a) {
            return new Area(
                    a.id(),
                    a.haAreaId(),
                    a.name(),
                    a.floorId(),
                    a.icon(),
                    a.picture(),
                    a.entityCount(),
                    a.lastSyncedAt());
        }
    }

    @Schema(name = "AreaListResponse")
    public record Areas(List<Area> areas, long total, int limit, int offset, Instant lastSyncedAt) {}

    /** The original's EntitySyncResponse (status is always {@code completed}: a failed sync is a 502), plus devices and areas. */
    @Schema(name = "EntitySyncResponse")
    public record Sync(
            UUID sessionId,
            String status,
            int entitiesFound,
            int entitiesAdded,
            int entitiesUpdated,
            int entitiesRemoved,
            int devicesFound,
            int areasFound,
            double durationSeconds,
            Instant syncedAt) {

        static Sync of(MirrorStore.SyncResult r) {
            return new Sync(
                    r.sessionId(),
                    "completed",
                    r.entitiesFound(),
                    r.entitiesAdded(),
                    r.entitiesUpdated(),
                    r.entitiesRemoved(),
                    r.devicesFound(),
                    r.areasFound(),
                    (r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000.0,
                    r.finishedAt());
        }
    }
}
