package io.aether.query.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.workflow.WorkflowDefinitionArchived;
import io.aether.domain.workflow.WorkflowDefinitionContent;
import io.aether.domain.workflow.WorkflowDefinitionCreated;
import io.aether.domain.workflow.WorkflowDefinitionEvent;
import io.aether.query.projection.ProjectionBatch;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code workflow_definition_list}, the read model behind {@code /workflows/definitions}.
 * Definitions are few and change seldom: each change is one statement, guarded by the aggregate
 * version ({@code version < :version}) so that replays and redeliveries change nothing twice.
 */
@Component
@ProcessingGroup(WorkflowDefinitionListProjection.PROCESSING_GROUP)
public class WorkflowDefinitionListProjection {
    public static final String PROCESSING_GROUP = "workflow-definition-list";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final ProjectionBatch<UUID, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public WorkflowDefinitionListProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record Change(WorkflowDefinitionEvent event, int version, Instant at) {}

    @EventHandler
    void on(WorkflowDefinitionEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.id(), new Change(event, Math.toIntExact(seq + 1), at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE workflow_definition_list").update();
    }

    void write(Map<UUID, List<Change>> changes) {
        changes.forEach((id, list) -> list.forEach(change -> apply(id, change)));
    }

    private void apply(UUID id, Change change) {
        OffsetDateTime at = change.at().atOffset(ZoneOffset.UTC);
        if (change.event() instanceof WorkflowDefinitionCreated created) {
            WorkflowDefinitionContent content = created.content();
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("nodes", content.nodes());
            definition.put("edges", content.edges());
            definition.put("conditional_edges", content.conditionalEdges());
            jdbc.sql("""
                            INSERT INTO workflow_definition_list (id, name, description, state_type, definition,
                                intent_patterns, definition_version, status, created_by, created_at, updated_at, version)
                            VALUES (:id, :name, :description, :stateType, CAST(:definition AS jsonb),
                                CAST(:patterns AS jsonb), :definitionVersion, 'draft', :createdBy, :at, :at, :version)
                            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                                state_type = EXCLUDED.state_type, definition = EXCLUDED.definition,
                                intent_patterns = EXCLUDED.intent_patterns,
                                definition_version = EXCLUDED.definition_version, status = 'draft',
                                created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at,
                                updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
                            WHERE workflow_definition_list.version < EXCLUDED.version""")
                    .param("id", id)
                    .param("name", content.name())
                    .param("description", content.description())
                    .param("stateType", content.stateType())
                    .param("definition", json(definition))
                    .param("patterns", json(content.intentPatterns()))
                    .param("definitionVersion", created.version())
                    .param(
                            "createdBy",
                            created.actor() == null ? null : created.actor().name())
                    .param("at", at)
                    .param("version", change.version())
                    .update();
        } else if (change.event() instanceof WorkflowDefinitionArchived) {
            jdbc.sql("""
                            UPDATE workflow_definition_list SET status = 'archived', updated_at = :at, version = :version
                            WHERE id = :id AND version < :version""")
                    .param("id", id)
                    .param("at", at)
                    .param("version", change.version())
                    .update();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a workflow definition as JSON", e);
        }
    }
}
