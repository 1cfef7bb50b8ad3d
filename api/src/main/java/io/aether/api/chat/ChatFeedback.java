package io.aether.api.chat;

import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.conversation.GiveFeedback;
import io.aether.domain.conversation.query.FindTurn;
import io.aether.domain.conversation.query.TurnView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** {@code POST /feedback}: the sentiment on a turn, recorded on its conversation. */
@Service
public class ChatFeedback {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ChatFeedback(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public void give(String traceId, String sentiment, Actor actor) {
        TurnView turn = QueryAnswers.answer(queries, new FindTurn(traceId), TurnView.class);
        if (turn == null) {
            throw new ApiException(ErrorKind.NOT_FOUND, "No chat answer has trace_id " + traceId);
        }
        commands.sendAndWait(new GiveFeedback(turn.conversationId(), traceId, sentiment, actor));
    }
}
