package io.aether.api.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry mirror tables (ha_automation, ha_script, ha_scene, ha_service, ha_registry_sync;
 * V140). A sync replaces the automations, scripts, scenes and discovered services in one
 * transaction; a row keeps its Aether id across syncs. Seeded services stay until HA reports them.
 */
@Component
class RegistryStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;

    RegistryStore(JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mapper = mapper;
    }

    record Automation(
            UUID id,
            String entityId,
            String haAutomationId,
            String alias,
            String state,
            String description,
            String mode,
            List<String> triggerTypes,
            int triggerCount,
            int actionCount,
            int conditionCount,
            String lastTriggered,
            Instant lastSyncedAt) {}

    record Script(
            UUID id,
            String entityId,
            String alias,
            String state,
            String description,
            String mode,
            String icon,
            String lastTriggered,
            JsonNode sequence,
            JsonNode fields,
            Instant lastSyncedAt) {}

    record Scene(UUID id, String entityId, String name, String icon, JsonNode entityStates, Instant lastSyncedAt) {}

    record Service(
            UUID id,
            String domain,
            String service,
            String name,
            String description,
            JsonNode fields,
            JsonNode target,
            boolean isSeeded,
            Instant lastSyncedAt) {}

    /** What a sync read from HA. */
    record Snapshot(List<Automation> automations, List<Script> scripts, List<Scene> scenes, List<Service> services) {}

    record Page<T>(List<T> items, long total) {}

    record Summary(
            long automations,
            long automationsEnabled,
            long scripts,
            long scenes,
            long services,
            long servicesSeeded,
            long helpers,
            Instant lastSyncedAt) {}

    // --- writes -------------------------------------------------------------------------------------

    void replace(Snapshot snapshot, Instant started, Instant finished) {
        Timestamp at = Timestamp.from(finished);
        transaction.executeWithoutResult(status -> {
            for (Automation a : snapshot.automations()) {
                jdbc.sql("""
                                INSERT INTO ha_automation (entity_id, id, ha_automation_id, alias, state, description,
                                    mode, trigger_types, trigger_count, action_count, condition_count, last_triggered,
                                    last_synced_at)
                                VALUES (:entityId, :id, :configId, :alias, :state, :description, :mode,
                                    :triggerTypes::jsonb, :triggers, :actions, :conditions, :lastTriggered, :at)
                                ON CONFLICT (entity_id) DO UPDATE SET ha_automation_id = EXCLUDED.ha_automation_id,
                                    alias = EXCLUDED.alias, state = EXCLUDED.state,
                                    description = EXCLUDED.description, mode = EXCLUDED.mode,
                                    trigger_types = EXCLUDED.trigger_types, trigger_count = EXCLUDED.trigger_count,
                                    action_count = EXCLUDED.action_count, condition_count = EXCLUDED.condition_count,
                                    last_triggered = EXCLUDED.last_triggered, last_synced_at = EXCLUDED.last_synced_at
                                """)
                        .param("entityId", a.entityId())
                        .param("id", UUID.randomUUID())
                        .param("configId", a.haAutomationId())
                        .param("alias", a.alias())
                        .param("state", a.state())
                        .param("description", a.description())
                        .param("mode", a.mode())
                        .param("triggerTypes", a.triggerTypes() == null ? null : json(a.triggerTypes()))
                        .param("triggers", a.triggerCount())
                        .param("actions", a.actionCount())
                        .param("conditions", a.conditionCount())
                        .param("lastTriggered", a.lastTriggered())
                        .param("at", at)
                        .update();
            }
            for (Script s : snapshot.scripts()) {
                jdbc.sql("""
                                INSERT INTO ha_script (entity_id, id, alias, state, description, mode, icon,
                                    last_triggered, sequence, fields, last_synced_at)
                                VALUES (:entityId, :id, :alias, :state, :description, :mode, :icon, :lastTriggered,
                                    :sequence::jsonb, :fields::jsonb, :at)
                                ON CONFLICT (entity_id) DO UPDATE SET alias = EXCLUDED.alias, state = EXCLUDED.state,
                                    description = EXCLUDED.description, mode = EXCLUDED.mode, icon = EXCLUDED.icon,
                                    last_triggered = EXCLUDED.last_triggered, sequence = EXCLUDED.sequence,
                                    fields = EXCLUDED.fields, last_synced_at = EXCLUDED.last_synced_at
                                """)
                        .param("entityId", s.entityId())
                        .param("id", UUID.randomUUID())
                        .param("alias", s.alias())
                        .param("state", s.state())
                        .param("description", s.description())
                        .param("mode", s.mode())
                        .param("icon", s.icon())
                        .param("lastTriggered", s.lastTriggered())
                        .param("sequence", json(s.sequence()))
                        .param("fields", json(s.fields()))
                        .param("at", at)
                        .update();
            }
            for (Scene s : snapshot.scenes()) {
                jdbc.sql("""
                                INSERT INTO ha_scene (entity_id, id, name, icon, entity_states, last_synced_at)
                                VALUES (:entityId, :id, :name, :icon, :states::jsonb, :at)
                                ON CONFLICT (entity_id) DO UPDATE SET name = EXCLUDED.name, icon = EXCLUDED.icon,
                                    entity_states = EXCLUDED.entity_states, last_synced_at = EXCLUDED.last_synced_at
                                """)
                        .param("entityId", s.entityId())
                        .param("id", UUID.randomUUID())
                        .param("name", s.name())
                        .param("icon", s.icon())
                        .param("states", json(s.entityStates()))
                        .param("at", at)
                        .update();
            }
            for (Service s : snapshot.services()) {
                upsertService(s, false, at);
            }
            Timestamp before = Timestamp.from(finished);
            for (String table : List.of("ha_automation", "ha_script", "ha_scene")) {
                // Table names are this class's constants.
                jdbc.sql("DELETE FROM " + table + " WHERE last_synced_at < :at")
                        .param("at", before)
                        .update();
            }
            jdbc.sql("DELETE FROM ha_service WHERE NOT is_seeded AND (last_synced_at IS NULL OR last_synced_at < :at)")
                    .param("at", before)
                    .update();
            jdbc.sql("""
                            INSERT INTO ha_registry_sync (singleton, started_at, finished_at, automations_synced,
                                scripts_synced, scenes_synced, services_synced)
                            VALUES (TRUE, :started, :finished, :automations, :scripts, :scenes, :services)
                            ON CONFLICT (singleton) DO UPDATE SET started_at = EXCLUDED.started_at,
                                finished_at = EXCLUDED.finished_at, automations_synced = EXCLUDED.automations_synced,
                                scripts_synced = EXCLUDED.scripts_synced, scenes_synced = EXCLUDED.scenes_synced,
                                services_synced = EXCLUDED.services_synced
                            """)
                    .param("started", Timestamp.from(started))
                    .param("finished", at)
                    .param("automations", snapshot.automations().size())
                    .param("scripts", snapshot.scripts().size())
                    .param("scenes", snapshot.scenes().size())
                    .param("services", snapshot.services().size())
                    .update();
        });
    }

    /**
     * Seeds these services where the registry has no row for them yet; returns how many it added.
     * A discovered row is never replaced by a seed.
     */
    int seed(Collection<Service> services) {
        Integer added = transaction.execute(status -> {
            int n = 0;
            for (Service s : services) {
                n += jdbc.sql("""
                                INSERT INTO ha_service (domain, service, id, name, description, fields, target,
                                    is_seeded, last_synced_at)
                                VALUES (:domain, :service, :id, :name, :description, :fields::jsonb, :target::jsonb,
                                    TRUE, NULL)
                                ON CONFLICT (domain, service) DO NOTHING
                                """)
                        .param("domain", s.domain())
                        .param("service", s.service())
                        .param("id", UUID.randomUUID())
                        .param("name", s.name())
                        .param("description", s.description())
                        .param("fields", json(s.fields()))
                        .param("target", json(s.target()))
                        .update();
            }
            return n;
        });
        return added == null ? 0 : added;
    }

    /**
     * A state_changed event of an automation or script the registry has: its state and
     * last_triggered follow HA's (a new one waits for the next sync, which reads its config).
     */
    void applyState(String entityId, String state, String lastTriggered) {
        String table = entityId.startsWith("automation.") ? "ha_automation" : "ha_script";
        jdbc.sql("UPDATE " + table + " SET state = :state, last_triggered = :lastTriggered WHERE entity_id = :entityId")
                .param("state", state)
                .param("lastTriggered", lastTriggered)
                .param("entityId", entityId)
                .update();
    }

    /** A state_changed event without a new state: HA removed the automation, script or scene. */
    void remove(String entityId) {
        String table = entityId.startsWith("automation.")
                ? "ha_automation"
                : entityId.startsWith("script.") ? "ha_script" : "ha_scene";
        jdbc.sql("DELETE FROM " + table + " WHERE entity_id = :entityId")
                .param("entityId", entityId)
                .update();
    }

    private void upsertService(Service s, boolean seeded, Timestamp at) {
        jdbc.sql("""
                        INSERT INTO ha_service (domain, service, id, name, description, fields, target, is_seeded,
                            last_synced_at)
                        VALUES (:domain, :service, :id, :name, :description, :fields::jsonb, :target::jsonb, :seeded,
                            :at)
                        ON CONFLICT (domain, service) DO UPDATE SET name = EXCLUDED.name,
                            description = EXCLUDED.description, fields = EXCLUDED.fields, target = EXCLUDED.target,
                            is_seeded = EXCLUDED.is_seeded, last_synced_at = EXCLUDED.last_synced_at
                        """)
                .param("domain", s.domain())
                .param("service", s.service())
                .param("id", UUID.randomUUID())
                .param("name", s.name())
                .param("description", s.description())
                .param("fields", json(s.fields()))
                .param("target", json(s.target()))
                .param("seeded", seeded)
                .param("at", at)
                .update();
    }

    // --- reads --------------------------------------------------------------------------------------

    private static final String AUTOMATION_COLUMNS = """
            id, entity_id, ha_automation_id, alias, state, description, mode, trigger_types::text AS trigger_types,
            trigger_count, action_count, condition_count, last_triggered, last_synced_at""";

    Page<Automation> automations(String state, int limit, int offset) {
        return page(
                "SELECT " + AUTOMATION_COLUMNS + " FROM ha_automation",
                "ha_automation",
                filter("state", state),
                "entity_id",
                limit,
                offset,
                this::automationRow);
    }

    /** Counts of enabled (on) and disabled (off) automations. */
    long[] automationCounts() {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE state = 'on'), count(*) FILTER (WHERE state = 'off')
                        FROM ha_automation""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    /** By Aether id, HA config id, entity_id or the entity_id's object id (in that order). */
    Optional<Automation> automation(String key) {
        String select = "SELECT " + AUTOMATION_COLUMNS + " FROM ha_automation WHERE ";
        Optional<UUID> uuid = uuid(key);
        if (uuid.isPresent()) {
            Optional<Automation> byId = jdbc.sql(select + "id = :id")
                    .param("id", uuid.get())
                    .query(this::automationRow)
                    .optional();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return jdbc.sql(select + """
                        ha_automation_id = :key OR entity_id = :key OR entity_id = 'automation.' || :key
                        ORDER BY (ha_automation_id = :key) DESC NULLS LAST, (entity_id = :key) DESC LIMIT 1""")
                .param("key", key)
                .query(this::automationRow)
                .optional();
    }

    private static final String SCRIPT_COLUMNS = """
            id, entity_id, alias, state, description, mode, icon, last_triggered, sequence::text AS sequence,
            fields::text AS fields, last_synced_at""";

    Page<Script> scripts(String state, int limit, int offset) {
        return page(
                "SELECT " + SCRIPT_COLUMNS + " FROM ha_script",
                "ha_script",
                filter("state", state),
                "entity_id",
                limit,
                offset,
                this::scriptRow);
    }

    long runningScripts() {
        return jdbc.sql("SELECT count(*) FROM ha_script WHERE state = 'on'")
                .query(Long.class)
                .single();
    }

    Optional<Script> script(String key) {
        return byEntity("SELECT " + SCRIPT_COLUMNS + " FROM ha_script", "script.", key, this::scriptRow);
    }

    private static final String SCENE_COLUMNS =
            "id, entity_id, name, icon, entity_states::text AS entity_states, last_synced_at";

    Page<Scene> scenes(int limit, int offset) {
        return page(
                "SELECT " + SCENE_COLUMNS + " FROM ha_scene",
                "ha_scene",
                filter("state", null),
                "entity_id",
                limit,
                offset,
                this::sceneRow);
    }

    Optional<Scene> scene(String key) {
        return byEntity("SELECT " + SCENE_COLUMNS + " FROM ha_scene", "scene.", key, this::sceneRow);
    }

    private static final String SERVICE_COLUMNS = """
            id, domain, service, name, description, fields::text AS fields, target::text AS target, is_seeded,
            last_synced_at""";

    Page<Service> services(String domain, int limit, int offset) {
        return page(
                "SELECT " + SERVICE_COLUMNS + " FROM ha_service",
                "ha_service",
                filter("domain", domain),
                "domain, service",
                limit,
                offset,
                this::serviceRow);
    }

    /** Domains of the services under this filter, and the seeded and discovered counts. */
    record ServiceCounts(List<String> domains, long seeded, long discovered) {}

    ServiceCounts serviceCounts(String domain) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = " WHERE TRUE";
        if (domain != null) {
            where += " AND domain = :domain";
            params.put("domain", domain);
        }
        List<String> domains = jdbc.sql("SELECT DISTINCT domain FROM ha_service" + where + " ORDER BY domain")
                .params(params)
                .query(String.class)
                .list();
        long[] counts = jdbc.sql("SELECT count(*) FILTER (WHERE is_seeded), count(*) FILTER (WHERE NOT is_seeded)"
                        + " FROM ha_service" + where)
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new ServiceCounts(domains, counts[0], counts[1]);
    }

    /** By Aether id or {@code domain.service}. */
    Optional<Service> service(String key) {
        String select = "SELECT " + SERVICE_COLUMNS + " FROM ha_service WHERE ";
        Optional<UUID> uuid = uuid(key);
        if (uuid.isPresent()) {
            return jdbc.sql(select + "id = :id")
                    .param("id", uuid.get())
                    .query(this::serviceRow)
                    .optional();
        }
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            return Optional.empty();
        }
        return jdbc.sql(select + "domain = :domain AND service = :service")
                .param("domain", key.substring(0, dot))
                .param("service", key.substring(dot + 1))
                .query(this::serviceRow)
                .optional();
    }

    Summary summary(Collection<String> helperDomains) {
        long[] automations = automationCounts();
        long total =
                jdbc.sql("SELECT count(*) FROM ha_automation").query(Long.class).single();
        long scripts =
                jdbc.sql("SELECT count(*) FROM ha_script").query(Long.class).single();
        long scenes =
                jdbc.sql("SELECT count(*) FROM ha_scene").query(Long.class).single();
        long[] services = jdbc.sql("SELECT count(*), count(*) FILTER (WHERE is_seeded) FROM ha_service")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long helpers = jdbc.sql("SELECT count(*) FROM ha_entity WHERE domain IN (:domains)")
                .param("domains", helperDomains)
                .query(Long.class)
                .single();
        return new Summary(
                total,
                automations[0],
                scripts,
                scenes,
                services[0],
                services[1],
                helpers,
                lastSync().orElse(null));
    }

    /** When the last registry sync finished, if there was one. */
    Optional<Instant> lastSync() {
        return jdbc.sql("SELECT finished_at FROM ha_registry_sync")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    // --- plumbing -----------------------------------------------------------------------------------

    private static Map<String, Object> filter(String column, Object value) {
        Map<String, Object> filter = new LinkedHashMap<>();
        if (value != null) {
            filter.put(column, value);
        }
        return filter;
    }

    /** One page ordered by {@code order} and the total, under column = value filters (this class's constants). */
    private <T> Page<T> page(
            String select,
            String table,
            Map<String, Object> filter,
            String order,
            int limit,
            int offset,
            RowMapper<T> rows) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        filter.keySet()
                .forEach(column ->
                        where.append(" AND ").append(column).append(" = :").append(column));
        List<T> items = jdbc.sql(select + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(rows)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM " + table + where)
                .params(filter)
                .query(Long.class)
                .single();
        return new Page<>(items, total);
    }

    /** By Aether id, entity_id or the object id after {@code prefix}. */
    private <T> Optional<T> byEntity(String select, String prefix, String key, RowMapper<T> rows) {
        Optional<UUID> uuid = uuid(key);
        if (uuid.isPresent()) {
            Optional<T> byId = jdbc.sql(select + " WHERE id = :id")
                    .param("id", uuid.get())
                    .query(rows)
                    .optional();
            if (byId.isPresent()) {
                return byId;
            }
        }
        String entityId = key.startsWith(prefix) ? key : prefix + key;
        return jdbc.sql(select + " WHERE entity_id = :entityId")
                .param("entityId", entityId)
                .query(rows)
                .optional();
    }

    private static Optional<UUID> uuid(String key) {
        if (key.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Automation automationRow(ResultSet rs, int n) throws SQLException {
        JsonNode types = tree(rs.getString("trigger_types"));
        List<String> triggerTypes = null;
        if (types != null && types.isArray()) {
            triggerTypes = new ArrayList<>();
            for (JsonNode t : types) {
                triggerTypes.add(t.asText());
            }
        }
        return new Automation(
                rs.getObject("id", UUID.class),
                rs.getString("entity_id"),
                rs.getString("ha_automation_id"),
                rs.getString("alias"),
                rs.getString("state"),
                rs.getString("description"),
                rs.getString("mode"),
                triggerTypes,
                rs.getInt("trigger_count"),
                rs.getInt("action_count"),
                rs.getInt("condition_count"),
                rs.getString("last_triggered"),
                instant(rs, "last_synced_at"));
    }

    private Script scriptRow(ResultSet rs, int n) throws SQLException {
        return new Script(
                rs.getObject("id", UUID.class),
                rs.getString("entity_id"),
                rs.getString("alias"),
                rs.getString("state"),
                rs.getString("description"),
                rs.getString("mode"),
                rs.getString("icon"),
                rs.getString("last_triggered"),
                tree(rs.getString("sequence")),
                tree(rs.getString("fields")),
                instant(rs, "last_synced_at"));
    }

    private Scene sceneRow(ResultSet rs, int n) throws SQLException {
        return new Scene(
                rs.getObject("id", UUID.class),
                rs.getString("entity_id"),
                rs.getString("name"),
                rs.getString("icon"),
                tree(rs.getString("entity_states")),
                instant(rs, "last_synced_at"));
    }

    private Service serviceRow(ResultSet rs, int n) throws SQLException {
        return new Service(
                rs.getObject("id", UUID.class),
                rs.getString("domain"),
                rs.getString("service"),
                rs.getString("name"),
                rs.getString("description"),
                tree(rs.getString("fields")),
                tree(rs.getString("target")),
                rs.getBoolean("is_seeded"),
                instant(rs, "last_synced_at"));
    }

    private JsonNode tree(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("registry column is not JSON", e);
        }
    }

    private String json(Object value) {
        if (value == null || (value instanceof JsonNode node && (node.isNull() || node.isMissingNode()))) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
