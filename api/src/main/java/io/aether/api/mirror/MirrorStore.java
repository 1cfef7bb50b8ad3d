package io.aether.api.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mirror tables (ha_entity, ha_device, ha_area, ha_mirror_sync; V80). A full sync replaces
 * their contents in one transaction; a state_changed event upserts one entity row. A row's HA
 * state is only ever replaced by one at least as new (ha_last_updated), so a sync that read HA
 * before an event was written cannot undo the event.
 */
@Component
class MirrorStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;

    MirrorStore(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, ObjectMapper mapper) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
    }

    // --- rows ---------------------------------------------------------------------------------------

    record EntityRow(
            String entityId,
            String domain,
            String name,
            String state,
            String attributesJson,
            String areaId,
            String deviceId,
            String platform,
            String deviceClass,
            String unitOfMeasurement,
            int supportedFeatures,
            String icon,
            Instant lastChanged,
            Instant lastUpdated) {}

    record DeviceRow(
            String haDeviceId,
            String name,
            String nameByUser,
            String areaId,
            String manufacturer,
            String model,
            String swVersion,
            String hwVersion,
            String configEntryId,
            String viaDeviceId,
            String disabledBy) {}

    record AreaRow(String haAreaId, String name, String floorId, String icon, String picture) {}

    /** What a full sync read from HA. */
    record Snapshot(List<EntityRow> entities, List<DeviceRow> devices, List<AreaRow> areas) {}

    record SyncResult(
            UUID sessionId,
            Instant startedAt,
            Instant finishedAt,
            int entitiesFound,
            int entitiesAdded,
            int entitiesUpdated,
            int entitiesRemoved,
            int devicesFound,
            int areasFound) {}

    // --- views --------------------------------------------------------------------------------------

    record Entity(
            UUID id,
            String entityId,
            String domain,
            String name,
            String state,
            JsonNode attributes,
            String areaId,
            String deviceId,
            String platform,
            String deviceClass,
            String unitOfMeasurement,
            int supportedFeatures,
            String icon,
            Instant lastChanged,
            Instant lastUpdated,
            Instant lastSyncedAt) {}

    record Device(
            UUID id,
            String haDeviceId,
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
            Instant lastSyncedAt) {}

    record Area(
            UUID id,
            String haAreaId,
            String name,
            String floorId,
            String icon,
            String picture,
            long entityCount,
            Instant lastSyncedAt) {}

    record Page<T>(List<T> items, long total) {}

    // --- writes -------------------------------------------------------------------------------------

    /**
     * Replaces the mirrors with a snapshot read from HA since {@code startedAt}: every row is
     * upserted, and rows neither in the snapshot nor written since {@code startedAt} (by an event)
     * are deleted.
     */
    SyncResult replace(Snapshot snapshot, Instant startedAt) {
        return transaction.execute(status -> {
            Instant now = Instant.now();
            Timestamp at = Timestamp.from(now);
            Set<String> existing = new HashSet<>(jdbc.sql("SELECT entity_id FROM ha_entity")
                    .query(String.class)
                    .list());

            batch.batchUpdate("""
                    INSERT INTO ha_area (ha_area_id, id, name, floor_id, icon, picture, last_synced_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (ha_area_id) DO UPDATE SET name = EXCLUDED.name, floor_id = EXCLUDED.floor_id,
                        icon = EXCLUDED.icon, picture = EXCLUDED.picture, last_synced_at = EXCLUDED.last_synced_at
                    """, snapshot.areas(), 500, (ps, a) -> {
                ps.setString(1, a.haAreaId());
                ps.setObject(2, UUID.randomUUID());
                ps.setString(3, a.name());
                ps.setString(4, a.floorId());
                ps.setString(5, a.icon());
                ps.setString(6, a.picture());
                ps.setTimestamp(7, at);
            });
            jdbc.sql("DELETE FROM ha_area WHERE last_synced_at < :at")
                    .param("at", at)
                    .update();

            batch.batchUpdate("""
                    INSERT INTO ha_device (ha_device_id, id, name, name_by_user, area_id, manufacturer, model,
                        sw_version, hw_version, config_entry_id, via_device_id, disabled_by, last_synced_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (ha_device_id) DO UPDATE SET name = EXCLUDED.name,
                        name_by_user = EXCLUDED.name_by_user, area_id = EXCLUDED.area_id,
                        manufacturer = EXCLUDED.manufacturer, model = EXCLUDED.model,
                        sw_version = EXCLUDED.sw_version, hw_version = EXCLUDED.hw_version,
                        config_entry_id = EXCLUDED.config_entry_id, via_device_id = EXCLUDED.via_device_id,
                        disabled_by = EXCLUDED.disabled_by, last_synced_at = EXCLUDED.last_synced_at
                    """, snapshot.devices(), 500, (ps, d) -> {
                ps.setString(1, d.haDeviceId());
                ps.setObject(2, UUID.randomUUID());
                ps.setString(3, d.name());
                ps.setString(4, d.nameByUser());
                ps.setString(5, d.areaId());
                ps.setString(6, d.manufacturer());
                ps.setString(7, d.model());
                ps.setString(8, d.swVersion());
                ps.setString(9, d.hwVersion());
                ps.setString(10, d.configEntryId());
                ps.setString(11, d.viaDeviceId());
                ps.setString(12, d.disabledBy());
                ps.setTimestamp(13, at);
            });
            jdbc.sql("DELETE FROM ha_device WHERE last_synced_at < :at")
                    .param("at", at)
                    .update();

            batch.batchUpdate(
                    """
                    INSERT INTO ha_entity (entity_id, id, domain, name, state, attributes, area_id, device_id,
                        platform, device_class, unit_of_measurement, supported_features, icon,
                        ha_last_changed, ha_last_updated, last_synced_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (entity_id) DO UPDATE SET
                        domain = EXCLUDED.domain, name = EXCLUDED.name, area_id = EXCLUDED.area_id,
                        device_id = EXCLUDED.device_id, platform = EXCLUDED.platform, icon = EXCLUDED.icon,
                        last_synced_at = EXCLUDED.last_synced_at, updated_at = EXCLUDED.updated_at,
                        state = CASE WHEN """ + NEWER + """
                            THEN EXCLUDED.state ELSE ha_entity.state END,
                        attributes = CASE WHEN """ + NEWER + """
                            THEN EXCLUDED.attributes ELSE ha_entity.attributes END,
                        device_class = CASE WHEN """ + NEWER + """
                            THEN EXCLUDED.device_class ELSE ha_entity.device_class END,
                        unit_of_measurement = CASE WHEN """ + NEWER + """
                            THEN EXCLUDED.unit_of_measurement ELSE ha_entity.unit_of_measurement END,
                        supported_features = CASE WHEN """ + NEWER + """
                            THEN EXCLUDED.supported_features ELSE ha_entity.supported_features END,
                        ha_last_changed = CASE WHEN """ + NEWER + """
                            THEN EXCLUDED.ha_last_changed ELSE ha_entity.ha_last_changed END,
                        ha_last_updated = CASE WHEN """ + NEWER
                            + """
                            THEN EXCLUDED.ha_last_updated ELSE ha_entity.ha_last_updated END
                    """,
                    snapshot.entities(),
                    500,
                    (ps, e) -> {
                        ps.setString(1, e.entityId());
                        ps.setObject(2, UUID.randomUUID());
                        ps.setString(3, e.domain());
                        ps.setString(4, e.name());
                        ps.setString(5, e.state());
                        ps.setString(6, e.attributesJson());
                        ps.setString(7, e.areaId());
                        ps.setString(8, e.deviceId());
                        ps.setString(9, e.platform());
                        ps.setString(10, e.deviceClass());
                        ps.setString(11, e.unitOfMeasurement());
                        ps.setInt(12, e.supportedFeatures());
                        ps.setString(13, e.icon());
                        ps.setTimestamp(14, timestamp(e.lastChanged()));
                        ps.setTimestamp(15, timestamp(e.lastUpdated()));
                        ps.setTimestamp(16, at);
                        ps.setTimestamp(17, at);
                    });
            int removed = jdbc.sql("DELETE FROM ha_entity WHERE updated_at < :started")
                    .param("started", Timestamp.from(startedAt))
                    .update();

            int added = 0;
            for (EntityRow e : snapshot.entities()) {
                if (!existing.contains(e.entityId())) {
                    added++;
                }
            }
            SyncResult result = new SyncResult(
                    UUID.randomUUID(),
                    startedAt,
                    Instant.now(),
                    snapshot.entities().size(),
                    added,
                    snapshot.entities().size() - added,
                    removed,
                    snapshot.devices().size(),
                    snapshot.areas().size());
            jdbc.sql("""
                            INSERT INTO ha_mirror_sync (singleton, session_id, started_at, finished_at, entities_found,
                                entities_added, entities_updated, entities_removed, devices_found, areas_found)
                            VALUES (TRUE, :session, :started, :finished, :found, :added, :updated, :removed,
                                :devices, :areas)
                            ON CONFLICT (singleton) DO UPDATE SET session_id = EXCLUDED.session_id,
                                started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at,
                                entities_found = EXCLUDED.entities_found, entities_added = EXCLUDED.entities_added,
                                entities_updated = EXCLUDED.entities_updated,
                                entities_removed = EXCLUDED.entities_removed,
                                devices_found = EXCLUDED.devices_found, areas_found = EXCLUDED.areas_found
                            """)
                    .param("session", result.sessionId())
                    .param("started", Timestamp.from(result.startedAt()))
                    .param("finished", Timestamp.from(result.finishedAt()))
                    .param("found", result.entitiesFound())
                    .param("added", result.entitiesAdded())
                    .param("updated", result.entitiesUpdated())
                    .param("removed", result.entitiesRemoved())
                    .param("devices", result.devicesFound())
                    .param("areas", result.areasFound())
                    .update();
            return result;
        });
    }

    private static final String NEWER =
            " EXCLUDED.ha_last_updated >= COALESCE(ha_entity.ha_last_updated, '-infinity'::timestamptz) ";

    /**
     * A state_changed event's new state. A new entity gets its name from friendly_name (a sync
     * adds its registry facts); an older state than the row's is ignored.
     */
    void upsertState(EntityRow e) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO ha_entity (entity_id, id, domain, name, state, attributes, device_class,
                            unit_of_measurement, supported_features, icon, ha_last_changed, ha_last_updated, updated_at)
                        VALUES (:entityId, :id, :domain, :name, :state, :attributes::jsonb, :deviceClass, :unit,
                            :features, :icon, :changed, :updated, :now)
                        ON CONFLICT (entity_id) DO UPDATE SET state = EXCLUDED.state,
                            attributes = EXCLUDED.attributes, device_class = EXCLUDED.device_class,
                            unit_of_measurement = EXCLUDED.unit_of_measurement,
                            supported_features = EXCLUDED.supported_features,
                            ha_last_changed = EXCLUDED.ha_last_changed, ha_last_updated = EXCLUDED.ha_last_updated,
                            updated_at = EXCLUDED.updated_at
                        WHERE""" + NEWER)
                .param("entityId", e.entityId())
                .param("id", UUID.randomUUID())
                .param("domain", e.domain())
                .param("name", e.name())
                .param("state", e.state())
                .param("attributes", e.attributesJson())
                .param("deviceClass", e.deviceClass())
                .param("unit", e.unitOfMeasurement())
                .param("features", e.supportedFeatures())
                .param("icon", e.icon())
                .param("changed", timestamp(e.lastChanged()))
                .param("updated", timestamp(e.lastUpdated()))
                .param("now", now)
                .update();
    }

    /** A state_changed event without a new state: HA removed the entity. */
    void remove(String entityId) {
        jdbc.sql("DELETE FROM ha_entity WHERE entity_id = :entityId")
                .param("entityId", entityId)
                .update();
    }

    // --- reads --------------------------------------------------------------------------------------

    private static final String ENTITY_COLUMNS = """
            id, entity_id, domain, name, state, attributes::text AS attributes, area_id, device_id, platform,
            device_class, unit_of_measurement, supported_features, icon, ha_last_changed, ha_last_updated,
            last_synced_at""";

    Page<Entity> entities(String domain, String areaId, String state, int limit, int offset) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("domain", domain);
        filter.put("area_id", areaId);
        filter.put("state", state);
        return page(
                "SELECT " + ENTITY_COLUMNS + " FROM ha_entity",
                "ha_entity",
                filter,
                "entity_id",
                limit,
                offset,
                this::entityRow);
    }

    Optional<Entity> entity(String entityId) {
        return jdbc.sql("SELECT " + ENTITY_COLUMNS + " FROM ha_entity WHERE entity_id = :entityId")
                .param("entityId", entityId)
                .query(this::entityRow)
                .optional();
    }

    /** Every area's id and name (HA homes have tens of areas, not thousands). */
    List<EntityQueryParser.Area> areaNames() {
        return jdbc.sql("SELECT ha_area_id, name FROM ha_area ORDER BY ha_area_id LIMIT 10000")
                .query((rs, n) -> new EntityQueryParser.Area(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * The entities a parsed question selects, in entity_id order: any of the kinds, any of the
     * states, any of the areas, and every term in the name or entity_id (trigram indexes, V141).
     */
    List<Entity> query(EntityQueryParser.Filter filter, int limit) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filter.kinds().isEmpty()) {
            List<String> kinds = new ArrayList<>();
            for (int i = 0; i < filter.kinds().size(); i++) {
                EntityQueryParser.Kind kind = filter.kinds().get(i);
                params.put("domain" + i, kind.domain());
                if (kind.deviceClass() == null) {
                    kinds.add("domain = :domain" + i);
                } else {
                    params.put("class" + i, kind.deviceClass());
                    kinds.add("(domain = :domain" + i + " AND device_class = :class" + i + ")");
                }
            }
            where.append(" AND (").append(String.join(" OR ", kinds)).append(")");
        }
        if (!filter.states().isEmpty()) {
            where.append(" AND state IN (:states)");
            params.put("states", filter.states());
        }
        if (!filter.areaIds().isEmpty()) {
            where.append(" AND area_id IN (:areas)");
            params.put("areas", filter.areaIds());
        }
        for (int i = 0; i < filter.terms().size(); i++) {
            String like = "%"
                    + filter.terms()
                            .get(i)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            where.append(" AND (lower(name) LIKE :term")
                    .append(i)
                    .append(" OR entity_id LIKE :term")
                    .append(i)
                    .append(")");
            params.put("term" + i, like);
        }
        return jdbc.sql("SELECT " + ENTITY_COLUMNS + " FROM ha_entity" + where + " ORDER BY entity_id LIMIT :limit")
                .params(params)
                .param("limit", limit)
                .query(this::entityRow)
                .list();
    }

    /** Entity count per domain, by domain name. */
    Map<String, Long> domainCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT domain, count(*) AS n FROM ha_entity GROUP BY domain ORDER BY domain")
                .query((rs, n) -> counts.put(rs.getString("domain"), rs.getLong("n")))
                .list();
        return counts;
    }

    private static final String DEVICE_SELECT = """
            SELECT d.id, d.ha_device_id, d.name, d.name_by_user, d.area_id, d.manufacturer, d.model, d.sw_version,
                d.hw_version, d.via_device_id, d.disabled_by, d.last_synced_at,
                (SELECT count(*) FROM ha_entity e WHERE e.device_id = d.ha_device_id) AS entity_count
            FROM ha_device d""";

    Page<Device> devices(String areaId, String manufacturer, int limit, int offset) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("area_id", areaId);
        filter.put("manufacturer", manufacturer);
        return page(DEVICE_SELECT, "ha_device", filter, "d.ha_device_id", limit, offset, MirrorStore::deviceRow);
    }

    Optional<Device> device(String haDeviceId) {
        return jdbc.sql(DEVICE_SELECT + " WHERE d.ha_device_id = :id")
                .param("id", haDeviceId)
                .query(MirrorStore::deviceRow)
                .optional();
    }

    private static final String AREA_SELECT = """
            SELECT a.id, a.ha_area_id, a.name, a.floor_id, a.icon, a.picture, a.last_synced_at,
                (SELECT count(*) FROM ha_entity e WHERE e.area_id = a.ha_area_id) AS entity_count
            FROM ha_area a""";

    Page<Area> areas(String floorId, int limit, int offset) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("floor_id", floorId);
        return page(AREA_SELECT, "ha_area", filter, "a.ha_area_id", limit, offset, MirrorStore::areaRow);
    }

    /**
     * One page of {@code select} ordered by {@code order}, and the total of {@code table}, both under
     * {@code filter}: column = value for each non-null value (column names are this class's constants).
     */
    private <T> Page<T> page(
            String select,
            String table,
            Map<String, Object> filter,
            String order,
            int limit,
            int offset,
            RowMapper<T> rows) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        filter.forEach((column, value) -> {
            if (value != null) {
                where.append(" AND ").append(column).append(" = :").append(column);
                params.put(column, value);
            }
        });
        List<T> items = jdbc.sql(select + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(rows)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM " + table + where)
                .params(params)
                .query(Long.class)
                .single();
        return new Page<>(items, total);
    }

    Optional<Area> area(String haAreaId) {
        return jdbc.sql(AREA_SELECT + " WHERE a.ha_area_id = :id")
                .param("id", haAreaId)
                .query(MirrorStore::areaRow)
                .optional();
    }

    /** When the last full sync finished, if there was one. */
    Optional<Instant> lastSync() {
        return jdbc.sql("SELECT finished_at FROM ha_mirror_sync")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private Entity entityRow(ResultSet rs, int row) throws SQLException {
        JsonNode attributes;
        try {
            attributes = mapper.readTree(rs.getString("attributes"));
        } catch (JsonProcessingException e) {
            throw new SQLException("ha_entity.attributes is not JSON", e);
        }
        return new Entity(
                rs.getObject("id", UUID.class),
                rs.getString("entity_id"),
                rs.getString("domain"),
                rs.getString("name"),
                rs.getString("state"),
                attributes,
                rs.getString("area_id"),
                rs.getString("device_id"),
                rs.getString("platform"),
                rs.getString("device_class"),
                rs.getString("unit_of_measurement"),
                rs.getInt("supported_features"),
                rs.getString("icon"),
                instant(rs, "ha_last_changed"),
                instant(rs, "ha_last_updated"),
                instant(rs, "last_synced_at"));
    }

    private static Device deviceRow(ResultSet rs, int row) throws SQLException {
        return new Device(
                rs.getObject("id", UUID.class),
                rs.getString("ha_device_id"),
                rs.getString("name"),
                rs.getString("name_by_user"),
                rs.getString("area_id"),
                rs.getString("manufacturer"),
                rs.getString("model"),
                rs.getString("sw_version"),
                rs.getString("hw_version"),
                rs.getString("via_device_id"),
                rs.getString("disabled_by"),
                rs.getLong("entity_count"),
                instant(rs, "last_synced_at"));
    }

    private static Area areaRow(ResultSet rs, int row) throws SQLException {
        return new Area(
                rs.getObject("id", UUID.class),
                rs.getString("ha_area_id"),
                rs.getString("name"),
                rs.getString("floor_id"),
                rs.getString("icon"),
                rs.getString("picture"),
                rs.getLong("entity_count"),
                instant(rs, "last_synced_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
