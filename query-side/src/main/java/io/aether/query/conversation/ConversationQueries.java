package io.aether.query.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.conversation.query.ConversationDetail;
import io.aether.domain.conversation.query.ConversationMessage;
import io.aether.domain.conversation.query.ConversationPage;
import io.aether.domain.conversation.query.ConversationSummary;
import io.aether.domain.conversation.query.FindConversation;
import io.aether.domain.conversation.query.FindTurn;
import io.aether.domain.conversation.query.ListConversations;
import io.aether.domain.conversation.query.TurnView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers conversation queries from the conversation read models; deleted conversations answer nothing. */
@Component
public class ConversationQueries {
    private static final TypeReference<List<Map<String, Object>>> CALLS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public ConversationQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @QueryHandler
    public ConversationPage handle(ListConversations query) {
        String where = query.status() == null ? "status <> 'deleted'" : "status = :status AND status <> 'deleted'";
        JdbcClient.StatementSpec items = jdbc.sql("SELECT * FROM conversation_list WHERE " + where
                        + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
                .param("limit", query.limit())
                .param("offset", query.offset());
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM conversation_list WHERE " + where);
        if (query.status() != null) {
            items = items.param("status", query.status());
            count = count.param("status", query.status());
        }
        return new ConversationPage(
                items.query((rs, n) -> summary(rs)).list(),
                count.query(Long.class).single());
    }

    @QueryHandler
    public ConversationDetail handle(FindConversation query) {
        ConversationSummary summary = jdbc.sql("SELECT * FROM conversation_list WHERE id = :id AND status <> 'deleted'")
                .param("id", query.id())
                .query((rs, n) -> summary(rs))
                .optional()
                .orElse(null);
        if (summary == null) {
            return null;
        }
        List<ConversationMessage> messages = jdbc.sql("""
                        SELECT m.*, t.tool_calls FROM conversation_message m
                        LEFT JOIN conversation_turn t ON t.trace_id = m.trace_id AND m.role = 'assistant'
                        WHERE m.conversation_id = :id ORDER BY m.position LIMIT :limit""")
                .param("id", query.id())
                .param("limit", query.messageLimit())
                .query((rs, n) -> message(rs))
                .list();
        List<UUID> pending =
                jdbc.sql("""
                        SELECT c.proposal_id FROM conversation_proposal c
                        JOIN proposal_list p ON p.id = c.proposal_id
                        WHERE c.conversation_id = :id AND p.status = 'proposed' ORDER BY c.created_at, c.proposal_id""").param("id", query.id()).query(UUID.class).list();
        return new ConversationDetail(summary, messages, pending);
    }

    @QueryHandler
    public TurnView handle(FindTurn query) {
        return jdbc.sql("""
                        SELECT t.* FROM conversation_turn t JOIN conversation_list c ON c.id = t.conversation_id
                        WHERE t.trace_id = :trace AND c.status <> 'deleted'""")
                .param("trace", query.traceId())
                .query((rs, n) -> new TurnView(
                        rs.getString("trace_id"),
                        rs.getObject("conversation_id", UUID.class),
                        rs.getString("agent"),
                        rs.getString("status")))
                .optional()
                .orElse(null);
    }

    private static ConversationSummary summary(ResultSet rs) throws SQLException {
        return new ConversationSummary(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("agent_id"),
                rs.getString("user_id"),
                rs.getString("source"),
                rs.getString("status"),
                rs.getInt("message_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private ConversationMessage message(ResultSet rs) throws SQLException {
        String calls = rs.getString("tool_calls");
        List<Map<String, Object>> toolCalls = null;
        if (calls != null && !"[]".equals(calls)) {
            try {
                toolCalls = mapper.readValue(calls, CALLS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("conversation_turn holds JSON it cannot read", e);
            }
        }
        long tokens = rs.getLong("tokens_used");
        Long tokensUsed = rs.wasNull() ? null : tokens;
        long latency = rs.getLong("latency_ms");
        Long latencyMs = rs.wasNull() ? null : latency;
        return new ConversationMessage(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getString("role"),
                rs.getString("content"),
                rs.getString("trace_id"),
                rs.getString("agent"),
                toolCalls,
                tokensUsed,
                latencyMs,
                rs.getTimestamp("created_at").toInstant());
    }
}
