package io.aether.api.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aether.api.mirror.MirrorStore.AreaRow;
import io.aether.api.mirror.MirrorStore.DeviceRow;
import io.aether.api.mirror.MirrorStore.EntityRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HA's WebSocket answers as mirror rows: get_states joined with the entity registry (name,
 * platform, device) and the device registry (an entity without an area of its own is in its
 * device's area, as HA resolves it). Only entities that have a state are mirrored; disabled
 * registry entries have none.
 */
final class MirrorRows {
    private MirrorRows() {}

    static MirrorStore.Snapshot snapshot(JsonNode states, JsonNode entityRegistry, JsonNode devices, JsonNode areas) {
        List<AreaRow> areaRows = new ArrayList<>();
        for (JsonNode a : areas) {
            String id = text(a, "area_id");
            if (id != null) {
                areaRows.add(new AreaRow(
                        id, textOr(a, "name", id), text(a, "floor_id"), text(a, "icon"), text(a, "picture")));
            }
        }
        List<DeviceRow> deviceRows = new ArrayList<>();
        Map<String, String> deviceAreas = new HashMap<>();
        for (JsonNode d : devices) {
            String id = text(d, "id");
            if (id == null) {
                continue;
            }
            String nameByUser = text(d, "name_by_user");
            deviceRows.add(new DeviceRow(
                    id,
                    nameByUser != null ? nameByUser : textOr(d, "name", id),
                    nameByUser,
                    text(d, "area_id"),
                    text(d, "manufacturer"),
                    text(d, "model"),
                    text(d, "sw_version"),
                    text(d, "hw_version"),
                    text(d, "config_entry_id"),
                    text(d, "via_device_id"),
                    text(d, "disabled_by")));
            if (text(d, "area_id") != null) {
                deviceAreas.put(id, text(d, "area_id"));
            }
        }
        Map<String, JsonNode> registry = new HashMap<>();
        for (JsonNode e : entityRegistry) {
            String id = text(e, "entity_id");
            if (id != null) {
                registry.put(id, e);
            }
        }
        List<EntityRow> entityRows = new ArrayList<>();
        for (JsonNode s : states) {
            EntityRow fromState = fromState(s);
            if (fromState == null) {
                continue;
            }
            JsonNode reg = registry.get(fromState.entityId());
            if (reg == null) {
                entityRows.add(fromState);
                continue;
            }
            String deviceId = text(reg, "device_id");
            String areaId = text(reg, "area_id");
            if (areaId == null && deviceId != null) {
                areaId = deviceAreas.get(deviceId);
            }
            String name = text(reg, "name");
            String icon = text(reg, "icon");
            entityRows.add(new EntityRow(
                    fromState.entityId(),
                    fromState.domain(),
                    name != null ? name : fromState.name(),
                    fromState.state(),
                    fromState.attributesJson(),
                    areaId,
                    deviceId,
                    text(reg, "platform"),
                    fromState.deviceClass(),
                    fromState.unitOfMeasurement(),
                    fromState.supportedFeatures(),
                    icon != null ? icon : fromState.icon(),
                    fromState.lastChanged(),
                    fromState.lastUpdated()));
        }
        return new MirrorStore.Snapshot(entityRows, deviceRows, areaRows);
    }

    /** One HA state object (get_states item or an event's new_state); null when it has no entity id. */
    static EntityRow fromState(JsonNode s) {
        String entityId = text(s, "entity_id");
        if (entityId == null || entityId.indexOf('.') < 1) {
            return null;
        }
        JsonNode attributes = s.path("attributes");
        if (!attributes.isObject()) {
            attributes = JsonNodeFactory.instance.objectNode();
        }
        String objectId = entityId.substring(entityId.indexOf('.') + 1);
        JsonNode features = attributes.path("supported_features");
        return new EntityRow(
                entityId,
                entityId.substring(0, entityId.indexOf('.')),
                textOr(attributes, "friendly_name", objectId),
                text(s, "state"),
                attributes.toString(),
                null,
                null,
                null,
                text(attributes, "device_class"),
                text(attributes, "unit_of_measurement"),
                features.canConvertToInt() ? features.asInt() : 0,
                text(attributes, "icon"),
                time(s, "last_changed"),
                time(s, "last_updated"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Instant time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
