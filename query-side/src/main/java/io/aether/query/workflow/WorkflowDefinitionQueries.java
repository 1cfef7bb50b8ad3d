package io.aether.query.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.workflow.WorkflowDefinitionContent;
import io.aether.domain.workflow.query.FindWorkflowDefinition;
import io.aether.domain.workflow.query.ListWorkflowDefinitions;
import io.aether.domain.workflow.query.WorkflowDefinitionList;
import io.aether.domain.workflow.query.WorkflowDefinitionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers workflow definition queries from {@code workflow_definition_list}. */
@Component
public class WorkflowDefinitionQueries {
    private static final TypeReference<Map<String, List<Map<String, Object>>>> DEFINITION = new TypeReference<>() {};
    private static final TypeReference<List<String>> PATTERNS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public WorkflowDefinitionQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @QueryHandler
    public WorkflowDefinitionView handle(FindWorkflowDefinition query) {
        return jdbc.sql("SELECT * FROM workflow_definition_list WHERE id = :id")
                .param("id", query.id())
                .query((rs, n) -> view(rs))
                .optional()
                .orElse(null);
    }

    /** By name, on the (status, name, id) index. */
    @QueryHandler
    public WorkflowDefinitionList handle(ListWorkflowDefinitions query) {
        List<WorkflowDefinitionView> items = jdbc.sql("""
                        SELECT * FROM workflow_definition_list WHERE status <> 'archived'
                        ORDER BY name, id LIMIT :limit OFFSET :offset""")
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query((rs, n) -> view(rs))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM workflow_definition_list WHERE status <> 'archived'")
                .query(Long.class)
                .single();
        return new WorkflowDefinitionList(items, total);
    }

    private WorkflowDefinitionView view(ResultSet rs) throws SQLException {
        try {
            Map<String, List<Map<String, Object>>> definition =
                    mapper.readValue(rs.getString("definition"), DEFINITION);
            WorkflowDefinitionContent content = new WorkflowDefinitionContent(
                    rs.getString("name"),
                    rs.getString("description"),
                    rs.getString("state_type"),
                    definition.get("nodes"),
                    definition.get("edges"),
                    definition.get("conditional_edges"),
                    mapper.readValue(rs.getString("intent_patterns"), PATTERNS));
            return new WorkflowDefinitionView(
                    rs.getObject("id", UUID.class),
                    content,
                    rs.getInt("definition_version"),
                    rs.getString("status"),
                    rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("workflow_definition_list holds JSON it cannot read", e);
        }
    }
}
