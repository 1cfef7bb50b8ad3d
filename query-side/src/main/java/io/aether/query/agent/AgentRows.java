package io.aether.query.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.agent.AgentVersion;
import io.aether.domain.agent.BumpType;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.VersionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading {@code agent_list} and {@code agent_version} columns back into domain values. */
final class AgentRows {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private AgentRows() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static List<String> strings(String json, ObjectMapper mapper) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column in the agent read model", e);
        }
    }

    static ConfigContent config(ResultSet rs, ObjectMapper mapper) throws SQLException {
        double value = rs.getDouble("temperature");
        Double temperature = rs.wasNull() ? null : value;
        return new ConfigContent(
                rs.getString("model_name"),
                temperature,
                rs.getString("fallback_model"),
                strings(rs.getString("tools_enabled"), mapper),
                strings(rs.getString("tool_groups_enabled"), mapper));
    }

    /** A row of agent_version as the domain's version, its content by kind. */
    static AgentVersion<?> version(ResultSet rs, ObjectMapper mapper) throws SQLException {
        Object content = "config".equals(rs.getString("kind"))
                ? config(rs, mapper)
                : new PromptContent(rs.getString("prompt_template"));
        String bump = rs.getString("bump_type");
        return new AgentVersion<>(
                rs.getObject("id", UUID.class),
                rs.getInt("version_number"),
                rs.getString("semver"),
                VersionStatus.fromWire(rs.getString("status")),
                content,
                rs.getString("change_summary"),
                bump == null ? null : BumpType.fromWire(bump),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "promoted_at"));
    }
}
