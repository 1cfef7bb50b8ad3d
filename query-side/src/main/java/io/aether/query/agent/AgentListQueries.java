package io.aether.query.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.agent.AgentNotFoundException;
import io.aether.domain.agent.AgentProfile;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentVersion;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.query.AgentPage;
import io.aether.domain.agent.query.AgentVersions;
import io.aether.domain.agent.query.FindAgentVersions;
import io.aether.domain.agent.query.FindAgents;
import io.aether.domain.agent.query.GetAgent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers agent lists, the current agent and the version lists from the agent-list read model. */
@Component
public class AgentListQueries {
    private static final String AVAILABLE = "is_routable AND status <> 'disabled'";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final AgentHistoryQueries history;

    public AgentListQueries(JdbcClient jdbc, ObjectMapper mapper, AgentHistoryQueries history) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.history = history;
    }

    /** A page by name (the primary key), from a keyset cursor when given, with the active versions. */
    @QueryHandler
    public AgentPage handle(FindAgents query) {
        List<String> conditions = new ArrayList<>();
        if (query.availableOnly()) {
            conditions.add(AVAILABLE);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String pageWhere =
                query.after() == null ? where : (where.isEmpty() ? " WHERE " : where + " AND ") + "name > :after";
        JdbcClient.StatementSpec page = jdbc.sql(
                        "SELECT * FROM agent_list" + pageWhere + " ORDER BY name LIMIT :limit OFFSET :offset")
                .param("limit", query.limit())
                .param("offset", query.offset());
        if (query.after() != null) {
            page = page.param("after", query.after());
        }
        List<Row> rows = page.query((rs, n) -> row(rs)).list();
        long total = jdbc.sql("SELECT count(*) FROM agent_list" + where)
                .query(Long.class)
                .single();
        return new AgentPage(withVersions(rows), total);
    }

    /** The agent now from the read model; at an instant, folded from its events. */
    @QueryHandler
    public AgentView handle(GetAgent query) {
        if (query.at() != null) {
            return history.at(query.agentName(), query.at());
        }
        List<Row> rows = jdbc.sql("SELECT * FROM agent_list WHERE name = :name")
                .param("name", query.agentName())
                .query((rs, n) -> row(rs))
                .list();
        if (rows.isEmpty()) {
            throw new AgentNotFoundException(query.agentName());
        }
        return withVersions(rows).get(0);
    }

    @QueryHandler
    public AgentVersions handle(FindAgentVersions query) {
        List<UUID> agent = jdbc.sql("SELECT agent_id FROM agent_list WHERE name = :name")
                .param("name", query.agentName())
                .query(UUID.class)
                .list();
        if (agent.isEmpty()) {
            throw new AgentNotFoundException(query.agentName());
        }
        List<AgentVersion<?>> items = jdbc
                .sql("SELECT * FROM agent_version WHERE agent_name = :name AND kind = :kind"
                        + " ORDER BY version_number DESC LIMIT :limit OFFSET :offset")
                .param("name", query.agentName())
                .param("kind", query.kind().wire())
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> AgentRows.version(rs, mapper))
                .list()
                .stream()
                .<AgentVersion<?>>map(v -> v)
                .toList();
        return new AgentVersions(agent.get(0), items);
    }

    private record Row(AgentView agent, UUID activeConfig, UUID activePrompt) {}

    private Row row(ResultSet rs) throws SQLException {
        AgentView agent = new AgentView(
                rs.getObject("agent_id", UUID.class),
                rs.getString("name"),
                new AgentProfile(
                        rs.getString("description"),
                        rs.getString("domain"),
                        rs.getBoolean("is_routable"),
                        AgentRows.strings(rs.getString("intent_patterns"), mapper),
                        AgentRows.strings(rs.getString("capabilities"), mapper)),
                rs.getString("semver"),
                AgentStatus.fromWire(rs.getString("status")),
                null,
                null,
                AgentRows.instant(rs, "created_at"),
                AgentRows.instant(rs, "updated_at"),
                rs.getInt("version"));
        return new Row(
                agent,
                rs.getObject("active_config_version_id", UUID.class),
                rs.getObject("active_prompt_version_id", UUID.class));
    }

    /** The rows with their active config and prompt, read in one query. */
    @SuppressWarnings("unchecked")
    private List<AgentView> withVersions(List<Row> rows) {
        List<UUID> ids = rows.stream()
                .flatMap(r -> Stream.of(r.activeConfig(), r.activePrompt()))
                .filter(Objects::nonNull)
                .toList();
        Map<UUID, AgentVersion<?>> versions = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM agent_version WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query((rs, n) -> versions.put(rs.getObject("id", UUID.class), AgentRows.version(rs, mapper)))
                    .list();
        }
        return rows.stream()
                .map(r -> {
                    AgentView a = r.agent();
                    return new AgentView(
                            a.agentId(),
                            a.name(),
                            a.profile(),
                            a.semver(),
                            a.status(),
                            (AgentVersion<ConfigContent>) versions.get(r.activeConfig()),
                            (AgentVersion<PromptContent>) versions.get(r.activePrompt()),
                            a.createdAt(),
                            a.updatedAt(),
                            a.version());
                })
                .toList();
    }
}
