package io.aether.query.toolgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.toolgroup.ToolGroupContent;
import io.aether.domain.toolgroup.ToolGroupFold;
import io.aether.domain.toolgroup.ToolGroupNames;
import io.aether.domain.toolgroup.ToolGroupState;
import io.aether.domain.toolgroup.query.FindToolGroup;
import io.aether.domain.toolgroup.query.ListToolGroups;
import io.aether.domain.toolgroup.query.ToolGroupList;
import io.aether.domain.toolgroup.query.ToolGroupView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers tool group queries: one group folded from its events (current as soon as a command
 * returned, by the fold the aggregate uses), the list from {@code tool_group_list}.
 */
@Component
public class ToolGroupQueries {
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public ToolGroupQueries(EventStore eventStore, JdbcClient jdbc, ObjectMapper mapper) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The group, or null when there is none (a name that is not valid names none). */
    @QueryHandler
    public ToolGroupView handle(FindToolGroup query) {
        if (!ToolGroupNames.isValid(query.name())) {
            return null;
        }
        ToolGroupState state = null;
        try (Stream<? extends DomainEventMessage<?>> events = eventStore
                .readEvents(ToolGroupNames.aggregateId(query.name()), 0L)
                .asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                state = ToolGroupFold.apply(state, event.getPayload(), event.getTimestamp());
            }
        }
        return state == null
                ? null
                : new ToolGroupView(
                        state.name(), state.content(), state.createdAt(), state.updatedAt(), state.version());
    }

    /** By name; the total from the same table (a few dozen rows at most). */
    @QueryHandler
    public ToolGroupList handle(ListToolGroups query) {
        List<ToolGroupView> items = jdbc.sql("SELECT * FROM tool_group_list ORDER BY name LIMIT :limit OFFSET :offset")
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> view(rs))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM tool_group_list")
                .query(Long.class)
                .single();
        return new ToolGroupList(items, total);
    }

    private ToolGroupView view(ResultSet rs) throws SQLException {
        List<String> tools;
        try {
            tools = mapper.readValue(rs.getString("tool_names"), NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool_group_list.tool_names is not a JSON list", e);
        }
        return new ToolGroupView(
                rs.getString("name"),
                new ToolGroupContent(
                        rs.getString("display_name"),
                        rs.getString("description"),
                        tools,
                        rs.getBoolean("is_read_only")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }
}
