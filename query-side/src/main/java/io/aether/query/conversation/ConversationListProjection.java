package io.aether.query.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.conversation.ConversationAgentRouted;
import io.aether.domain.conversation.ConversationDeleted;
import io.aether.domain.conversation.ConversationEvent;
import io.aether.domain.conversation.ConversationMessagePosted;
import io.aether.domain.conversation.ConversationProposalLinked;
import io.aether.domain.conversation.ConversationReplyCancelled;
import io.aether.domain.conversation.ConversationReplyCompleted;
import io.aether.domain.conversation.ConversationReplyFailed;
import io.aether.domain.conversation.ConversationStarted;
import io.aether.domain.conversation.ConversationToolCalled;
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
 * Builds the conversation read models ({@code conversation_list}, {@code conversation_message},
 * {@code conversation_turn}, {@code conversation_proposal}). Every write is guarded by the
 * aggregate's sequence (rows remember the last one they took) or keyed by an id the event carries,
 * so replays and redeliveries change nothing twice.
 */
@Component
@ProcessingGroup(ConversationListProjection.PROCESSING_GROUP)
public class ConversationListProjection {
    public static final String PROCESSING_GROUP = "conversation-list";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final ProjectionBatch<UUID, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public ConversationListProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record Change(ConversationEvent event, long version, Instant at) {}

    @EventHandler
    void on(ConversationEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.conversationId(), new Change(event, seq + 1, at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE conversation_list, conversation_message, conversation_turn, conversation_proposal")
                .update();
    }

    void write(Map<UUID, List<Change>> changes) {
        changes.forEach((id, list) -> list.forEach(change -> apply(id, change)));
    }

    private void apply(UUID id, Change change) {
        OffsetDateTime at = change.at().atOffset(ZoneOffset.UTC);
        long version = change.version();
        ConversationEvent event = change.event();
        if (event instanceof ConversationStarted e) {
            jdbc.sql("""
                            INSERT INTO conversation_list (id, title, agent_id, user_id, source, status,
                                message_count, created_at, updated_at, version)
                            VALUES (:id, :title, :agent, :user, :source, 'active', 0, :at, :at, :version)
                            ON CONFLICT (id) DO NOTHING""")
                    .param("id", id)
                    .param("title", e.title())
                    .param("agent", e.agent() == null ? "auto" : e.agent())
                    .param("user", e.actor() == null ? "unknown" : e.actor().name())
                    .param("source", e.source() == null ? "conversations" : e.source())
                    .param("at", at)
                    .param("version", version)
                    .update();
        } else if (event instanceof ConversationMessagePosted e) {
            if (touch(id, at, version, 1) > 0) {
                message(e.messageId(), id, version, "user", e.content(), e.traceId(), null, null, null, at);
                jdbc.sql("""
                                INSERT INTO conversation_turn (trace_id, conversation_id, status, started_at, version)
                                VALUES (:trace, :id, 'open', :at, :version) ON CONFLICT (trace_id) DO NOTHING""")
                        .param("trace", e.traceId())
                        .param("id", id)
                        .param("at", at)
                        .param("version", version)
                        .update();
            }
        } else if (event instanceof ConversationAgentRouted e) {
            turn(e.traceId(), version, "agent = :agent", Map.of("agent", e.agent()));
            touch(id, at, version, 0);
        } else if (event instanceof ConversationToolCalled e) {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("tool", e.toolName());
            call.put("arguments", e.arguments());
            call.put("result_size", e.resultSize());
            call.put("duration_ms", e.durationMs());
            call.put("error", e.error());
            turn(
                    e.traceId(),
                    version,
                    "tool_calls = tool_calls || CAST(:call AS jsonb)",
                    Map.of("call", json(List.of(call))));
            touch(id, at, version, 0);
        } else if (event instanceof ConversationProposalLinked e) {
            jdbc.sql("""
                            INSERT INTO conversation_proposal (conversation_id, proposal_id, trace_id, created_at)
                            VALUES (:id, :proposal, :trace, :at) ON CONFLICT DO NOTHING""")
                    .param("id", id)
                    .param("proposal", e.proposalId())
                    .param("trace", e.traceId())
                    .param("at", at)
                    .update();
            touch(id, at, version, 0);
        } else if (event instanceof ConversationReplyCompleted e) {
            if (touch(id, at, version, 1) > 0) {
                message(
                        e.messageId(),
                        id,
                        version,
                        "assistant",
                        e.content(),
                        e.traceId(),
                        e.agent(),
                        e.inputTokens() + e.outputTokens(),
                        e.latencyMs(),
                        at);
            }
            turn(e.traceId(), version, "status = 'completed', ended_at = :at", Map.of("at", at));
        } else if (event instanceof ConversationReplyFailed e) {
            touch(id, at, version, 0);
            turn(
                    e.traceId(),
                    version,
                    "status = 'failed', failure = :reason, ended_at = :at",
                    Map.of("at", at, "reason", e.reason() == null ? "" : e.reason()));
        } else if (event instanceof ConversationReplyCancelled e) {
            touch(id, at, version, 0);
            turn(e.traceId(), version, "status = 'cancelled', ended_at = :at", Map.of("at", at));
        } else if (event instanceof ConversationDeleted) {
            int changed = jdbc.sql("""
                            UPDATE conversation_list SET status = 'deleted', updated_at = :at, version = :version
                            WHERE id = :id AND version < :version""")
                    .param("id", id)
                    .param("at", at)
                    .param("version", version)
                    .update();
            if (changed > 0) {
                jdbc.sql("DELETE FROM conversation_message WHERE conversation_id = :id")
                        .param("id", id)
                        .update();
            }
        }
    }

    /** Moves the conversation's row to this version; 0 when it had it already (a replay). */
    private int touch(UUID id, OffsetDateTime at, long version, int messages) {
        return jdbc.sql("""
                        UPDATE conversation_list SET updated_at = :at, version = :version,
                            message_count = message_count + :messages
                        WHERE id = :id AND version < :version""")
                .param("id", id)
                .param("at", at)
                .param("version", version)
                .param("messages", messages)
                .update();
    }

    private void turn(String traceId, long version, String set, Map<String, Object> params) {
        JdbcClient.StatementSpec sql = jdbc.sql("UPDATE conversation_turn SET " + set
                        + ", version = :version WHERE trace_id = :trace AND version < :version")
                .param("trace", traceId)
                .param("version", version);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        sql.update();
    }

    private void message(
            UUID messageId,
            UUID conversationId,
            long position,
            String role,
            String content,
            String traceId,
            String agent,
            Long tokens,
            Long latency,
            OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO conversation_message (id, conversation_id, position, role, content, trace_id,
                            agent, tokens_used, latency_ms, created_at)
                        VALUES (:id, :conversation, :position, :role, :content, :trace, :agent, :tokens, :latency, :at)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", messageId)
                .param("conversation", conversationId)
                .param("position", position)
                .param("role", role)
                .param("content", content == null ? "" : content)
                .param("trace", traceId)
                .param("agent", agent)
                .param("tokens", tokens)
                .param("latency", latency)
                .param("at", at)
                .update();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tool call as JSON", e);
        }
    }
}
