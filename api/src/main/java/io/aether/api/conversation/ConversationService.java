package io.aether.api.conversation;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aether.agents.chat.AgentRouter;
import io.aether.agents.chat.TurnResult;
import io.aether.api.chat.ChatTurns;
import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.conversation.ConversationNotFoundException;
import io.aether.domain.conversation.DeleteConversation;
import io.aether.domain.conversation.query.ConversationDetail;
import io.aether.domain.conversation.query.ConversationMessage;
import io.aether.domain.conversation.query.ConversationPage;
import io.aether.domain.conversation.query.FindConversation;
import io.aether.domain.conversation.query.ListConversations;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** The native conversations: each message is a chat turn ({@link ChatTurns}) on the conversation's history. */
@Service
public class ConversationService {
    /** Messages a detail shows; the model sees the last {@value #HISTORY} of them. */
    static final int MAX_MESSAGES = 1000;

    static final int HISTORY = 200;
    private static final int TITLE_LENGTH = 60;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ChatTurns turns;

    public ConversationService(CommandGateway commands, QueryGateway queries, ChatTurns turns) {
        this.commands = commands;
        this.queries = queries;
        this.turns = turns;
    }

    public ConversationPage list(String status, int limit, int offset) {
        return QueryAnswers.answer(queries, new ListConversations(status, limit, offset), ConversationPage.class);
    }

    /** By the path's text: anything that is not a UUID names no conversation. */
    public ConversationDetail get(String id) {
        UUID uuid = parse(id);
        ConversationDetail detail = uuid == null
                ? null
                : QueryAnswers.answer(queries, new FindConversation(uuid, MAX_MESSAGES), ConversationDetail.class);
        if (detail == null) {
            throw new ConversationNotFoundException(id);
        }
        return detail;
    }

    /** Starts a conversation and answers its first message. */
    public ConversationDetail start(String title, String message, Actor actor) {
        UUID id = UUID.randomUUID();
        String shown = title != null && !title.isBlank() ? title.strip() : titleOf(message);
        turns.answer(turns.open(
                id, AgentRouter.AUTO, List.of(UserMessage.from(message)), message, shown, "conversations", actor));
        return get(id.toString());
    }

    /** Answers a message in an existing conversation. */
    public TurnResult send(String id, String message, Actor actor) {
        ConversationDetail detail = get(id);
        List<ChatMessage> history = new ArrayList<>();
        List<ConversationMessage> messages = detail.messages();
        for (ConversationMessage m : messages.subList(Math.max(0, messages.size() - HISTORY), messages.size())) {
            history.add("assistant".equals(m.role()) ? AiMessage.from(m.content()) : UserMessage.from(m.content()));
        }
        history.add(UserMessage.from(message));
        UUID conversation = detail.conversation().id();
        return turns.answer(turns.open(
                        conversation, detail.conversation().agentId(), history, message, null, "conversations", actor))
                .result();
    }

    public UUID delete(String id, Actor actor) {
        UUID uuid = get(id).conversation().id();
        commands.sendAndWait(new DeleteConversation(uuid, actor));
        return uuid;
    }

    private static String titleOf(String message) {
        String t = message.strip();
        return t.length() > TITLE_LENGTH ? t.substring(0, TITLE_LENGTH) + "…" : t;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
