package io.aether.query.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.agent.AgentCloned;
import io.aether.domain.agent.AgentConfigDraftCreated;
import io.aether.domain.agent.AgentConfigDraftDiscarded;
import io.aether.domain.agent.AgentConfigDraftUpdated;
import io.aether.domain.agent.AgentConfigPromoted;
import io.aether.domain.agent.AgentConfigRolledBack;
import io.aether.domain.agent.AgentEvent;
import io.aether.domain.agent.AgentProfile;
import io.aether.domain.agent.AgentPromptDraftCreated;
import io.aether.domain.agent.AgentPromptDraftDiscarded;
import io.aether.domain.agent.AgentPromptDraftUpdated;
import io.aether.domain.agent.AgentPromptPromoted;
import io.aether.domain.agent.AgentPromptRolledBack;
import io.aether.domain.agent.AgentRegistered;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentStatusChanged;
import io.aether.domain.agent.BumpType;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.VersionKind;
import io.aether.domain.agent.VersionStatus;
import io.aether.query.projection.ProjectionBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code agent_list} (one row per agent, with the ids of its active config and prompt) and
 * {@code agent_version} (every config and prompt version not discarded).
 *
 * <p>The handler only records each event in the processing batch ({@link ProjectionBatch}). Just
 * before the batch commits, {@link #write} reads the rows the batch touches (the agents, and the
 * versions its events name: two queries), applies the events in memory, and writes the final rows
 * as JDBC batches: upserts, and deletes of discarded drafts. An event whose version the agent row
 * already has is skipped, and the agent upsert is guarded by {@code version < EXCLUDED.version},
 * so replays and redelivery change nothing twice. A segment owns all events of an agent, so the
 * agent's row and its versions are written by one segment only.
 */
@Component
@ProcessingGroup(AgentListProjection.PROCESSING_GROUP)
public class AgentListProjection {
    public static final String PROCESSING_GROUP = "agent-list";

    private static final String UPSERT_AGENT = """
            INSERT INTO agent_list (name, agent_id, description, semver, status, domain, is_routable,
                intent_patterns, capabilities, active_config_version_id, active_prompt_version_id, created_at,
                updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS json), CAST(? AS json), ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET status = EXCLUDED.status,
                active_config_version_id = EXCLUDED.active_config_version_id,
                active_prompt_version_id = EXCLUDED.active_prompt_version_id,
                updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE agent_list.version < EXCLUDED.version""";
    private static final int[] AGENT_TYPES = {
        Types.VARCHAR,
        Types.OTHER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BOOLEAN,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.OTHER,
        Types.OTHER,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.INTEGER
    };
    private static final String UPSERT_VERSION = """
            INSERT INTO agent_version (id, agent_name, kind, version_number, semver, status, model_name, temperature,
                fallback_model, tools_enabled, tool_groups_enabled, prompt_template, change_summary, bump_type,
                promoted_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), CAST(? AS json), ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET semver = EXCLUDED.semver, status = EXCLUDED.status,
                model_name = EXCLUDED.model_name, temperature = EXCLUDED.temperature,
                fallback_model = EXCLUDED.fallback_model, tools_enabled = EXCLUDED.tools_enabled,
                tool_groups_enabled = EXCLUDED.tool_groups_enabled, prompt_template = EXCLUDED.prompt_template,
                change_summary = EXCLUDED.change_summary, bump_type = EXCLUDED.bump_type,
                promoted_at = EXCLUDED.promoted_at, updated_at = EXCLUDED.updated_at""";
    private static final int[] VERSION_TYPES = {
        Types.OTHER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.INTEGER,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.DOUBLE,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.TIMESTAMP_WITH_TIMEZONE
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper mapper;
    private final ProjectionBatch<String, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public AgentListProjection(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.mapper = mapper;
    }

    /** One event of an agent with its version (sequence number + 1) and timestamp. */
    record Change(AgentEvent event, int version, Instant at) {}

    @EventHandler
    void on(AgentEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(e.agentName(), new Change(e, Math.toIntExact(seq + 1), at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE agent_list, agent_version").update();
    }

    /** The agent row as stored or as the batch builds it. */
    private static final class AgentRow {
        String name;
        UUID agentId;
        AgentProfile profile;
        String semver;
        String status;
        UUID activeConfig;
        UUID activePrompt;
        Instant createdAt;
        Instant updatedAt;
        int version;
    }

    /** A version row as stored or as the batch builds it. */
    private static final class VersionRow {
        UUID id;
        String agentName;
        VersionKind kind;
        int number;
        String semver;
        VersionStatus status;
        ConfigContent config;
        PromptContent prompt;
        String changeSummary;
        BumpType bumpType;
        Instant promotedAt;
        Instant createdAt;
        Instant updatedAt;
        boolean discarded;
    }

    void write(Map<String, List<Change>> changesByAgent) {
        Map<String, AgentRow> agents = readAgents(changesByAgent.keySet());
        Map<UUID, VersionRow> versions = readVersions(versionIds(changesByAgent));
        Set<String> changedAgents = new HashSet<>();
        Set<UUID> changedVersions = new HashSet<>();
        changesByAgent.forEach((name, changes) -> {
            for (Change change : changes) {
                AgentRow row = agents.get(name);
                if (row != null && change.version() <= row.version) {
                    continue; // applied before (replay, redelivery)
                }
                AgentEvent event = change.event();
                if (row == null) {
                    row = created(event);
                    if (row == null) {
                        continue; // no row to change
                    }
                    agents.put(name, row);
                }
                apply(row, versions, changedVersions, event, change.at());
                row.updatedAt = change.at();
                row.version = change.version();
                changedAgents.add(name);
            }
        });
        List<Object[]> agentArgs =
                changedAgents.stream().map(agents::get).map(this::agentArgs).toList();
        if (!agentArgs.isEmpty()) {
            batches.batchUpdate(UPSERT_AGENT, agentArgs, AGENT_TYPES);
        }
        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (UUID id : changedVersions) {
            VersionRow v = versions.get(id);
            if (v.discarded) {
                deletes.add(new Object[] {id});
            } else {
                upserts.add(versionArgs(v));
            }
        }
        if (!deletes.isEmpty()) {
            batches.batchUpdate("DELETE FROM agent_version WHERE id = ?", deletes, new int[] {Types.OTHER});
        }
        if (!upserts.isEmpty()) {
            batches.batchUpdate(UPSERT_VERSION, upserts, VERSION_TYPES);
        }
    }

    private static AgentRow created(AgentEvent event) {
        AgentRow row = new AgentRow();
        if (event instanceof AgentRegistered e) {
            row.agentId = e.agentId();
            row.profile = e.profile();
            row.status = e.status().wire();
        } else if (event instanceof AgentCloned e) {
            row.agentId = e.agentId();
            row.profile = e.profile();
            row.status = AgentStatus.ENABLED.wire();
        } else {
            return null;
        }
        row.name = event.agentName();
        row.semver = BumpType.FIRST;
        return row;
    }

    private static void apply(
            AgentRow row, Map<UUID, VersionRow> versions, Set<UUID> changed, AgentEvent event, Instant at) {
        if (row.createdAt == null) {
            row.createdAt = at;
        }
        if (event instanceof AgentStatusChanged e) {
            row.status = e.to().wire();
        } else if (event instanceof AgentConfigDraftCreated e) {
            VersionRow v =
                    draft(row, VersionKind.CONFIG, e.versionId(), e.number(), e.changeSummary(), e.bumpType(), at);
            v.config = e.content();
            put(versions, changed, v);
        } else if (event instanceof AgentPromptDraftCreated e) {
            VersionRow v =
                    draft(row, VersionKind.PROMPT, e.versionId(), e.number(), e.changeSummary(), e.bumpType(), at);
            v.prompt = e.content();
            put(versions, changed, v);
        } else if (event instanceof AgentConfigDraftUpdated e) {
            edit(versions, changed, e.versionId(), at, v -> {
                v.config = e.content();
                v.changeSummary = e.changeSummary();
            });
        } else if (event instanceof AgentPromptDraftUpdated e) {
            edit(versions, changed, e.versionId(), at, v -> {
                v.prompt = e.content();
                v.changeSummary = e.changeSummary();
            });
        } else if (event instanceof AgentConfigDraftDiscarded e) {
            edit(versions, changed, e.versionId(), at, v -> v.discarded = true);
        } else if (event instanceof AgentPromptDraftDiscarded e) {
            edit(versions, changed, e.versionId(), at, v -> v.discarded = true);
        } else if (event instanceof AgentConfigPromoted e) {
            promote(versions, changed, e.versionId(), e.semver(), e.bumpType(), e.previousVersionId(), at);
            row.activeConfig = e.versionId();
        } else if (event instanceof AgentPromptPromoted e) {
            promote(versions, changed, e.versionId(), e.semver(), e.bumpType(), e.previousVersionId(), at);
            row.activePrompt = e.versionId();
        } else if (event instanceof AgentConfigRolledBack e) {
            reactivate(versions, changed, e.versionId(), e.fromVersionId(), at);
            row.activeConfig = e.versionId();
        } else if (event instanceof AgentPromptRolledBack e) {
            reactivate(versions, changed, e.versionId(), e.fromVersionId(), at);
            row.activePrompt = e.versionId();
        }
    }

    private static VersionRow draft(
            AgentRow row, VersionKind kind, UUID id, int number, String summary, BumpType bump, Instant at) {
        VersionRow v = new VersionRow();
        v.id = id;
        v.agentName = row.name;
        v.kind = kind;
        v.number = number;
        v.status = VersionStatus.DRAFT;
        v.changeSummary = summary;
        v.bumpType = bump;
        v.createdAt = at;
        v.updatedAt = at;
        return v;
    }

    private static void put(Map<UUID, VersionRow> versions, Set<UUID> changed, VersionRow v) {
        versions.put(v.id, v);
        changed.add(v.id);
    }

    private static void edit(
            Map<UUID, VersionRow> versions, Set<UUID> changed, UUID id, Instant at, Consumer<VersionRow> change) {
        VersionRow v = id == null ? null : versions.get(id);
        if (v == null) {
            return;
        }
        change.accept(v);
        v.updatedAt = at;
        changed.add(id);
    }

    private static void promote(
            Map<UUID, VersionRow> versions,
            Set<UUID> changed,
            UUID id,
            String semver,
            BumpType bump,
            UUID previous,
            Instant at) {
        edit(versions, changed, previous, at, v -> v.status = VersionStatus.ARCHIVED);
        edit(versions, changed, id, at, v -> {
            v.status = VersionStatus.ACTIVE;
            v.semver = semver;
            v.bumpType = bump;
            v.promotedAt = at;
        });
    }

    private static void reactivate(Map<UUID, VersionRow> versions, Set<UUID> changed, UUID id, UUID from, Instant at) {
        edit(versions, changed, from, at, v -> v.status = VersionStatus.ARCHIVED);
        edit(versions, changed, id, at, v -> v.status = VersionStatus.ACTIVE);
    }

    /** The version ids the batch's events name (created ones included: a redelivered creation finds its row). */
    private static Set<UUID> versionIds(Map<String, List<Change>> changesByAgent) {
        Set<UUID> ids = new HashSet<>();
        changesByAgent
                .values()
                .forEach(changes -> changes.forEach(c -> {
                    AgentEvent e = c.event();
                    if (e instanceof AgentConfigDraftCreated x) {
                        ids.add(x.versionId());
                    } else if (e instanceof AgentPromptDraftCreated x) {
                        ids.add(x.versionId());
                    } else if (e instanceof AgentConfigDraftUpdated x) {
                        ids.add(x.versionId());
                    } else if (e instanceof AgentPromptDraftUpdated x) {
                        ids.add(x.versionId());
                    } else if (e instanceof AgentConfigDraftDiscarded x) {
                        ids.add(x.versionId());
                    } else if (e instanceof AgentPromptDraftDiscarded x) {
                        ids.add(x.versionId());
                    } else if (e instanceof AgentConfigPromoted x) {
                        ids.add(x.versionId());
                        ids.add(x.previousVersionId());
                    } else if (e instanceof AgentPromptPromoted x) {
                        ids.add(x.versionId());
                        ids.add(x.previousVersionId());
                    } else if (e instanceof AgentConfigRolledBack x) {
                        ids.add(x.versionId());
                        ids.add(x.fromVersionId());
                    } else if (e instanceof AgentPromptRolledBack x) {
                        ids.add(x.versionId());
                        ids.add(x.fromVersionId());
                    }
                }));
        ids.remove(null);
        return ids;
    }

    private Map<String, AgentRow> readAgents(Set<String> names) {
        Map<String, AgentRow> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM agent_list WHERE name IN (:names)")
                .param("names", List.copyOf(names))
                .query((rs, n) -> {
                    AgentRow row = new AgentRow();
                    row.name = rs.getString("name");
                    row.agentId = rs.getObject("agent_id", UUID.class);
                    row.profile = new AgentProfile(
                            rs.getString("description"),
                            rs.getString("domain"),
                            rs.getBoolean("is_routable"),
                            strings(rs.getString("intent_patterns")),
                            strings(rs.getString("capabilities")));
                    row.semver = rs.getString("semver");
                    row.status = rs.getString("status");
                    row.activeConfig = rs.getObject("active_config_version_id", UUID.class);
                    row.activePrompt = rs.getObject("active_prompt_version_id", UUID.class);
                    row.createdAt = rs.getTimestamp("created_at").toInstant();
                    row.updatedAt = rs.getTimestamp("updated_at").toInstant();
                    row.version = rs.getInt("version");
                    return rows.put(row.name, row);
                })
                .list();
        return rows;
    }

    private Map<UUID, VersionRow> readVersions(Set<UUID> ids) {
        Map<UUID, VersionRow> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        jdbc.sql("SELECT * FROM agent_version WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> rows.put(rs.getObject("id", UUID.class), versionRow(rs)))
                .list();
        return rows;
    }

    private VersionRow versionRow(ResultSet rs) throws SQLException {
        VersionRow v = new VersionRow();
        v.id = rs.getObject("id", UUID.class);
        v.agentName = rs.getString("agent_name");
        v.kind = VersionKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
        v.number = rs.getInt("version_number");
        v.semver = rs.getString("semver");
        v.status = VersionStatus.fromWire(rs.getString("status"));
        if (v.kind == VersionKind.CONFIG) {
            v.config = AgentRows.config(rs, mapper);
        } else {
            v.prompt = new PromptContent(rs.getString("prompt_template"));
        }
        v.changeSummary = rs.getString("change_summary");
        String bump = rs.getString("bump_type");
        v.bumpType = bump == null ? null : BumpType.fromWire(bump);
        v.promotedAt = AgentRows.instant(rs, "promoted_at");
        v.createdAt = AgentRows.instant(rs, "created_at");
        v.updatedAt = AgentRows.instant(rs, "updated_at");
        return v;
    }

    private Object[] agentArgs(AgentRow r) {
        return new Object[] {
            r.name,
            r.agentId,
            r.profile.description(),
            r.semver,
            r.status,
            r.profile.domain(),
            r.profile.routable(),
            json(r.profile.intentPatterns()),
            json(r.profile.capabilities()),
            r.activeConfig,
            r.activePrompt,
            utc(r.createdAt),
            utc(r.updatedAt),
            r.version
        };
    }

    private Object[] versionArgs(VersionRow v) {
        ConfigContent c = v.config;
        return new Object[] {
            v.id,
            v.agentName,
            v.kind.wire(),
            v.number,
            v.semver,
            v.status.wire(),
            c == null ? null : c.modelName(),
            c == null ? null : c.temperature(),
            c == null ? null : c.fallbackModel(),
            c == null ? null : json(c.toolsEnabled()),
            c == null ? null : json(c.toolGroupsEnabled()),
            v.prompt == null ? null : v.prompt.promptTemplate(),
            v.changeSummary,
            v.bumpType == null ? null : v.bumpType.wire(),
            utc(v.promotedAt),
            utc(v.createdAt),
            utc(v.updatedAt)
        };
    }

    private List<String> strings(String json) {
        return AgentRows.strings(json, mapper);
    }

    private String json(List<String> values) {
        if (values == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
