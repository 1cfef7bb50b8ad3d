package io.aether.command.conversation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.conversation.ConversationAgentRouted;
import io.aether.domain.conversation.ConversationDeleted;
import io.aether.domain.conversation.ConversationEvent;
import io.aether.domain.conversation.ConversationFeedbackGiven;
import io.aether.domain.conversation.ConversationFold;
import io.aether.domain.conversation.ConversationMessagePosted;
import io.aether.domain.conversation.ConversationNotFoundException;
import io.aether.domain.conversation.ConversationProposalLinked;
import io.aether.domain.conversation.ConversationReplyCancelled;
import io.aether.domain.conversation.ConversationReplyCompleted;
import io.aether.domain.conversation.ConversationReplyFailed;
import io.aether.domain.conversation.ConversationStarted;
import io.aether.domain.conversation.ConversationState;
import io.aether.domain.conversation.ConversationToolCalled;
import io.aether.domain.conversation.DeleteConversation;
import io.aether.domain.conversation.GiveFeedback;
import io.aether.domain.conversation.PostMessage;
import io.aether.domain.conversation.RecordTurn;
import io.aether.domain.conversation.TurnNotOpenException;
import io.aether.domain.llm.LlmCallRecorded;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One conversation: its messages and turns. A turn opens with the person's message
 * ({@link PostMessage}; the first one starts the conversation) and closes once with everything it
 * did ({@link RecordTurn}: routing, tool calls, model calls, proposals, outcome). A deleted
 * conversation takes no more messages or turns.
 */
@Aggregate
public class ConversationAggregate {
    @AggregateIdentifier
    private UUID id;

    private ConversationState state = ConversationState.NONE;

    protected ConversationAggregate() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PostMessage command) {
        if (state.deleted()) {
            throw new ConversationNotFoundException(command.conversationId().toString());
        }
        if (!state.started()) {
            apply(new ConversationStarted(
                    command.conversationId(), command.title(), command.agent(), command.source(), command.actor()));
        }
        apply(new ConversationMessagePosted(
                command.conversationId(), command.messageId(), command.traceId(), command.content(), command.actor()));
    }

    @CommandHandler
    public void handle(RecordTurn command) {
        if (state.deleted()) {
            throw new ConversationNotFoundException(command.conversationId().toString());
        }
        if (!state.openTurns().contains(command.traceId())) {
            throw new TurnNotOpenException(command.traceId());
        }
        UUID cid = command.conversationId();
        String trace = command.traceId();
        String agent = command.routing().agent();
        RecordTurn.Routing r = command.routing();
        apply(new ConversationAgentRouted(
                cid, trace, r.requested(), r.agent(), r.reason(), r.fallback(), command.actor()));
        for (RecordTurn.ToolCall t : command.toolCalls()) {
            apply(new ConversationToolCalled(
                    cid,
                    trace,
                    agent,
                    t.toolName(),
                    t.arguments(),
                    t.resultSize(),
                    t.durationMs(),
                    t.error(),
                    command.actor()));
        }
        for (LlmCallRecorded call : command.modelCalls()) {
            apply(call);
        }
        for (UUID proposal : command.proposalIds()) {
            apply(new ConversationProposalLinked(cid, trace, proposal, command.actor()));
        }
        RecordTurn.Outcome outcome = command.outcome();
        if (outcome instanceof RecordTurn.Completed c) {
            apply(new ConversationReplyCompleted(
                    cid,
                    c.messageId(),
                    trace,
                    agent,
                    c.content(),
                    c.inputTokens(),
                    c.outputTokens(),
                    c.latencyMs(),
                    command.actor()));
        } else if (outcome instanceof RecordTurn.Failed f) {
            apply(new ConversationReplyFailed(cid, trace, agent, f.reason(), command.actor()));
        } else {
            apply(new ConversationReplyCancelled(cid, trace, agent, command.actor()));
        }
    }

    @CommandHandler
    public void handle(GiveFeedback command) {
        if (state.deleted()) {
            throw new ConversationNotFoundException(command.conversationId().toString());
        }
        apply(new ConversationFeedbackGiven(
                command.conversationId(), command.traceId(), command.sentiment(), command.actor()));
    }

    @CommandHandler
    public void handle(DeleteConversation command) {
        if (!state.deleted()) {
            apply(new ConversationDeleted(command.conversationId(), command.actor()));
        }
    }

    @EventSourcingHandler
    void on(ConversationEvent event) {
        state = ConversationFold.apply(state, event);
        id = state.conversationId();
    }

    @EventSourcingHandler
    void on(LlmCallRecorded event) {
        // part of the conversation's history; changes nothing the commands check
    }
}
