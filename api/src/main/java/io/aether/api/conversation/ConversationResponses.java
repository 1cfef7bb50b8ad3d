package io.aether.api.conversation;

import io.aether.domain.conversation.query.ConversationDetail;
import io.aether.domain.conversation.query.ConversationMessage;
import io.aether.domain.conversation.query.ConversationPage;
import io.aether.domain.conversation.query.ConversationSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The original's conversation shapes. */
public final class ConversationResponses {
    private ConversationResponses() {}

    @Schema(name = "ConversationResponse")
    public record Conversation(
            String id,
            String agentId,
            String userId,
            String title,
            String status,
            Map<String, Object> context,
            Instant createdAt,
            Instant updatedAt) {
        static Conversation of(ConversationSummary s) {
            return new Conversation(
                    s.id().toString(),
                    s.agentId(),
                    s.userId(),
                    s.title(),
                    s.status(),
                    null,
                    s.createdAt(),
                    s.updatedAt());
        }
    }

    @Schema(name = "MessageResponse")
    public record Message(
            String id,
            String conversationId,
            String role,
            String content,
            Map<String, Object> toolCalls,
            Map<String, Object> toolResults,
            Long tokensUsed,
            Long latencyMs,
            Instant createdAt) {
        static Message of(ConversationMessage m) {
            return new Message(
                    m.id().toString(),
                    m.conversationId().toString(),
                    m.role(),
                    m.content(),
                    m.toolCalls() == null ? null : Map.of("calls", m.toolCalls()),
                    null,
                    m.tokensUsed(),
                    m.latencyMs(),
                    m.createdAt());
        }
    }

    @Schema(name = "ConversationDetailResponse")
    public record Detail(
            String id,
            String agentId,
            String userId,
            String title,
            String status,
            Map<String, Object> context,
            Instant createdAt,
            Instant updatedAt,
            List<Message> messages,
            List<String> pendingApprovals) {
        static Detail of(ConversationDetail d) {
            ConversationSummary s = d.conversation();
            return new Detail(
                    s.id().toString(),
                    s.agentId(),
                    s.userId(),
                    s.title(),
                    s.status(),
                    null,
                    s.createdAt(),
                    s.updatedAt(),
                    d.messages().stream().map(Message::of).toList(),
                    d.pendingApprovals().stream().map(UUID::toString).toList());
        }
    }

    @Schema(name = "ConversationListResponse")
    public record Page(List<Conversation> items, long total, int limit, int offset) {
        static Page of(ConversationPage page, int limit, int offset) {
            return new Page(page.items().stream().map(Conversation::of).toList(), page.total(), limit, offset);
        }
    }

    @Schema(name = "ChatResponse")
    public record Reply(String conversationId, String message, boolean hasProposal, String proposalId, String status) {}

    public record Deleted(boolean deleted, String conversationId) {}
}
