package io.aether.query.toolgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.toolgroup.ToolGroupContent;
import io.aether.domain.toolgroup.ToolGroupEvent;
import io.aether.query.projection.ProjectionBatch;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code tool_group_list}, the read model behind {@code GET /tool-groups}. Every tool group
 * event carries the group's whole content, so a batch writes each touched group once, from its
 * latest event, with an upsert guarded by the version ({@code WHERE version < EXCLUDED.version}):
 * replays and redelivered events change nothing twice, and {@code created_at} stays the first
 * event's time.
 */
@Component
@ProcessingGroup(ToolGroupListProjection.PROCESSING_GROUP)
public class ToolGroupListProjection {
    public static final String PROCESSING_GROUP = "tool-group-list";

    private static final String UPSERT = """
            INSERT INTO tool_group_list (name, display_name, description, tool_names, tool_count, is_read_only,
                created_at, updated_at, version)
            VALUES (?, ?, ?, CAST(? AS json), ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET display_name = EXCLUDED.display_name,
                description = EXCLUDED.description, tool_names = EXCLUDED.tool_names,
                tool_count = EXCLUDED.tool_count, is_read_only = EXCLUDED.is_read_only,
                updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE tool_group_list.version < EXCLUDED.version""";
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int[] UPSERT_TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.INTEGER,
        Types.BOOLEAN,
        TIME,
        TIME,
        Types.INTEGER
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper mapper;
    private final ProjectionBatch<String, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public ToolGroupListProjection(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.mapper = mapper;
    }

    /** One event of a group with its version (sequence number + 1) and timestamp. */
    record Change(ToolGroupEvent event, int version, Instant at) {}

    @EventHandler
    void on(ToolGroupEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.name(), new Change(event, Math.toIntExact(seq + 1), at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE tool_group_list").update();
    }

    /** One upsert per group of the batch, from its latest event; created_at from its first one in the batch. */
    void write(Map<String, List<Change>> changesByGroup) {
        List<Object[]> rows = new ArrayList<>();
        changesByGroup.forEach((name, changes) -> {
            Change first = changes.get(0);
            Change last = changes.get(changes.size() - 1);
            ToolGroupContent content = last.event().content();
            rows.add(new Object[] {
                name,
                content.displayName(),
                content.description(),
                json(content.toolNames()),
                content.toolNames().size(),
                content.readOnly(),
                utc(first.at()),
                utc(last.at()),
                last.version()
            });
        });
        batches.batchUpdate(UPSERT, rows, UPSERT_TYPES);
    }

    private String json(List<String> toolNames) {
        try {
            return mapper.writeValueAsString(toolNames);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tool names", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
