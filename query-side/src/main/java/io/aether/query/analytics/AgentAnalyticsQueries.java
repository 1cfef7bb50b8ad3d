package io.aether.query.analytics;

import io.aether.domain.analytics.query.AgentAnalyticsPage;
import io.aether.domain.analytics.query.AgentAnalyticsPage.Activation;
import io.aether.domain.analytics.query.AgentAnalyticsPage.AgentAnalytics;
import io.aether.domain.analytics.query.FindAgentAnalytics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers {@link FindAgentAnalytics} from the agent-analytics read models: one page of agents by
 * name, then the latest activations of each kind of those agents only (an index range per agent and
 * kind, {@code LIMIT} each): bounded by the page, not by the history.
 */
@Component
public class AgentAnalyticsQueries {
    private static final String ACTIVATIONS = """
            SELECT a.* FROM agent_analytics g
            CROSS JOIN (VALUES ('config'), ('prompt')) AS k(kind)
            CROSS JOIN LATERAL (
                SELECT * FROM agent_analytics_activation x
                WHERE x.agent_name = g.agent_name AND x.kind = k.kind
                ORDER BY x.seq DESC LIMIT :per) a
            WHERE g.agent_name IN (:names)
            ORDER BY a.agent_name, a.kind, a.seq DESC""";

    private final JdbcClient jdbc;

    public AgentAnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Counts(String name, Instant createdAt, int[] counts) {}

    @QueryHandler
    public AgentAnalyticsPage handle(FindAgentAnalytics query) {
        List<Counts> agents = jdbc.sql("SELECT * FROM agent_analytics ORDER BY agent_name LIMIT :limit OFFSET :offset")
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> new Counts(
                        rs.getString("agent_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        new int[] {
                            rs.getInt("config_promotions"),
                            rs.getInt("config_rollbacks"),
                            rs.getInt("prompt_promotions"),
                            rs.getInt("prompt_rollbacks")
                        }))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM agent_analytics")
                .query(Long.class)
                .single();
        Map<String, List<Activation>> activations = new HashMap<>();
        if (!agents.isEmpty()) {
            jdbc.sql(ACTIVATIONS)
                    .param("per", query.activationsPerKind())
                    .param("names", agents.stream().map(Counts::name).toList())
                    .query((rs, n) -> {
                        Instant activated = rs.getTimestamp("activated_at").toInstant();
                        Timestamp ended = rs.getTimestamp("deactivated_at");
                        Instant deactivated = ended == null ? null : ended.toInstant();
                        activations
                                .computeIfAbsent(
                                        rs.getString("agent_name") + "/" + rs.getString("kind"), k -> new ArrayList<>())
                                .add(new Activation(
                                        rs.getObject("version_id", UUID.class),
                                        rs.getInt("number"),
                                        rs.getString("semver"),
                                        rs.getString("cause"),
                                        activated,
                                        deactivated,
                                        deactivated == null,
                                        deactivated == null
                                                ? null
                                                : Duration.between(activated, deactivated)
                                                                .toNanos()
                                                        / 1e9));
                        return null;
                    })
                    .list();
        }
        List<AgentAnalytics> items = agents.stream()
                .map(a -> new AgentAnalytics(
                        a.name(),
                        a.createdAt(),
                        a.counts()[0],
                        a.counts()[1],
                        a.counts()[2],
                        a.counts()[3],
                        activations.getOrDefault(a.name() + "/config", List.of()),
                        activations.getOrDefault(a.name() + "/prompt", List.of())))
                .toList();
        return new AgentAnalyticsPage(items, total);
    }
}
