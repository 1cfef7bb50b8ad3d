package io.aether.query.analytics;

import io.aether.domain.agent.AgentCloned;
import io.aether.domain.agent.AgentConfigPromoted;
import io.aether.domain.agent.AgentConfigRolledBack;
import io.aether.domain.agent.AgentEvent;
import io.aether.domain.agent.AgentPromptPromoted;
import io.aether.domain.agent.AgentPromptRolledBack;
import io.aether.domain.agent.AgentRegistered;
import io.aether.domain.agent.VersionKind;
import io.aether.query.projection.ProjectionBatch;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the read models behind {@code GET /analytics/agents}: {@code agent_analytics}, one row per
 * agent with its config and prompt promotion and rollback counts, and
 * {@code agent_analytics_activation}, every time a version became active and when the next
 * activation of its kind ended it.
 *
 * <p>Like the proposal analytics: event timestamps only, one read of the batch's agents' stored
 * versions, events a row has seen skipped, and one version-guarded upsert per agent; activations
 * are keyed by the agent's version ({@code ON CONFLICT DO NOTHING}) and an activation is ended only
 * by a later one ({@code seq < :seq}), so replays change nothing twice.
 */
@Component
@ProcessingGroup(AgentAnalyticsProjection.PROCESSING_GROUP)
public class AgentAnalyticsProjection {
    public static final String PROCESSING_GROUP = "agent-analytics";

    private static final String UPSERT = """
            INSERT INTO agent_analytics (agent_name, created_at, config_promotions, config_rollbacks,
                prompt_promotions, prompt_rollbacks, version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (agent_name) DO UPDATE SET
                config_promotions = agent_analytics.config_promotions + EXCLUDED.config_promotions,
                config_rollbacks = agent_analytics.config_rollbacks + EXCLUDED.config_rollbacks,
                prompt_promotions = agent_analytics.prompt_promotions + EXCLUDED.prompt_promotions,
                prompt_rollbacks = agent_analytics.prompt_rollbacks + EXCLUDED.prompt_rollbacks,
                version = EXCLUDED.version
            WHERE agent_analytics.version < EXCLUDED.version""";
    private static final String END_ACTIVE = """
            UPDATE agent_analytics_activation SET deactivated_at = ?
            WHERE agent_name = ? AND kind = ? AND deactivated_at IS NULL AND seq < ?""";
    private static final String ACTIVATE = """
            INSERT INTO agent_analytics_activation (agent_name, seq, kind, version_id, number, semver, cause,
                activated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (agent_name, seq) DO NOTHING""";
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ProjectionBatch<String, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public AgentAnalyticsProjection(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** One event of an agent with its version (sequence number + 1) and its own timestamp. */
    record Change(AgentEvent event, int version, Instant at) {}

    @EventHandler
    void on(AgentEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.agentName(), new Change(event, Math.toIntExact(seq + 1), at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE agent_analytics, agent_analytics_activation").update();
    }

    private record Stored(Instant createdAt, int version) {}

    /** One version that became active. */
    private record Activation(
            String agent,
            int seq,
            VersionKind kind,
            UUID versionId,
            int number,
            String semver,
            String cause,
            Instant at) {}

    /**
     * Applies one batch: per agent one upsert of its counts; per activation, in event order, the end
     * of the active version of its kind and the new activation row.
     */
    void write(Map<String, List<Change>> changesByAgent) {
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT agent_name, created_at, version FROM agent_analytics WHERE agent_name IN (:names)")
                .param("names", List.copyOf(changesByAgent.keySet()))
                .query((rs, n) -> stored.put(
                        rs.getString("agent_name"),
                        new Stored(rs.getTimestamp("created_at").toInstant(), rs.getInt("version"))))
                .list();
        List<Object[]> upserts = new ArrayList<>();
        List<Activation> activations = new ArrayList<>();
        changesByAgent.forEach((name, changes) -> {
            Stored before = stored.get(name);
            int version = before == null ? 0 : before.version();
            Instant createdAt = before == null ? null : before.createdAt();
            int[] counts = new int[4]; // config promotions, config rollbacks, prompt promotions, prompt rollbacks
            boolean changed = false;
            for (Change change : changes) {
                AgentEvent event = change.event();
                if (change.version() <= version) {
                    continue; // seen before (replay or redelivery)
                }
                boolean starts = event instanceof AgentRegistered || event instanceof AgentCloned;
                if (createdAt == null && !starts) {
                    continue; // no start seen: nothing to attach the event to
                }
                if (starts && createdAt == null) {
                    createdAt = change.at();
                }
                Activation activation = activation(event, change);
                if (activation != null) {
                    activations.add(activation);
                    int index = (activation.kind() == VersionKind.CONFIG ? 0 : 2)
                            + (activation.cause().equals("promoted") ? 0 : 1);
                    counts[index]++;
                }
                version = change.version();
                changed = true;
            }
            if (changed) {
                upserts.add(new Object[] {name, utc(createdAt), counts[0], counts[1], counts[2], counts[3], version});
            }
        });
        if (!upserts.isEmpty()) {
            batches.batchUpdate(UPSERT, upserts, new int[] {
                Types.VARCHAR, TIME, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER
            });
        }
        // In event order: each activation ends the one before it of the same kind.
        for (Activation a : activations) {
            batches.update(
                    END_ACTIVE,
                    new Object[] {utc(a.at()), a.agent(), a.kind().wire(), a.seq()},
                    new int[] {TIME, Types.VARCHAR, Types.VARCHAR, Types.INTEGER});
            batches.update(
                    ACTIVATE,
                    new Object[] {
                        a.agent(),
                        a.seq(),
                        a.kind().wire(),
                        a.versionId(),
                        a.number(),
                        a.semver(),
                        a.cause(),
                        utc(a.at())
                    },
                    new int[] {
                        Types.VARCHAR,
                        Types.INTEGER,
                        Types.VARCHAR,
                        Types.OTHER,
                        Types.INTEGER,
                        Types.VARCHAR,
                        Types.VARCHAR,
                        TIME
                    });
        }
    }

    private static Activation activation(AgentEvent event, Change change) {
        String agent = event.agentName();
        int seq = change.version();
        Instant at = change.at();
        if (event instanceof AgentConfigPromoted e) {
            return new Activation(
                    agent, seq, VersionKind.CONFIG, e.versionId(), e.number(), e.semver(), "promoted", at);
        } else if (event instanceof AgentConfigRolledBack e) {
            return new Activation(
                    agent, seq, VersionKind.CONFIG, e.versionId(), e.number(), e.semver(), "rolled_back", at);
        } else if (event instanceof AgentPromptPromoted e) {
            return new Activation(
                    agent, seq, VersionKind.PROMPT, e.versionId(), e.number(), e.semver(), "promoted", at);
        } else if (event instanceof AgentPromptRolledBack e) {
            return new Activation(
                    agent, seq, VersionKind.PROMPT, e.versionId(), e.number(), e.semver(), "rolled_back", at);
        }
        return null;
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
