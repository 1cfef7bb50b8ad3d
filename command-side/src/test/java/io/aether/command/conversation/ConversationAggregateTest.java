package io.aether.command.conversation;

import io.aether.domain.actor.Actor;
import io.aether.domain.conversation.ConversationAgentRouted;
import io.aether.domain.conversation.ConversationDeleted;
import io.aether.domain.conversation.ConversationFeedbackGiven;
import io.aether.domain.conversation.ConversationMessagePosted;
import io.aether.domain.conversation.ConversationNotFoundException;
import io.aether.domain.conversation.ConversationProposalLinked;
import io.aether.domain.conversation.ConversationReplyCancelled;
import io.aether.domain.conversation.ConversationReplyCompleted;
import io.aether.domain.conversation.ConversationReplyFailed;
import io.aether.domain.conversation.ConversationStarted;
import io.aether.domain.conversation.ConversationToolCalled;
import io.aether.domain.conversation.DeleteConversation;
import io.aether.domain.conversation.GiveFeedback;
import io.aether.domain.conversation.PostMessage;
import io.aether.domain.conversation.RecordTurn;
import io.aether.domain.conversation.TurnNotOpenException;
import io.aether.domain.llm.LlmCallRecorded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Turns open with a message and close once; a deleted conversation takes nothing more. */
class ConversationAggregateTest {
    private static final UUID ID = UUID.randomUUID();
    private static final UUID MESSAGE = UUID.randomUUID();
    private static final UUID REPLY = UUID.randomUUID();
    private static final Actor OWNER = Actor.user("admin");
    private static final String TRACE = "trace-1";
    private static final RecordTurn.Routing ROUTING = new RecordTurn.Routing("auto", "architect", "default", false);

    private AggregateTestFixture<ConversationAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ConversationAggregate.class);
    }

    private static PostMessage post(String trace) {
        return new PostMessage(ID, MESSAGE, trace, "hello", "Hello", "auto", "conversations", OWNER);
    }

    private static ConversationStarted started() {
        return new ConversationStarted(ID, "Hello", "auto", "conversations", OWNER);
    }

    private static ConversationMessagePosted posted(String trace) {
        return new ConversationMessagePosted(ID, MESSAGE, trace, "hello", OWNER);
    }

    @Test
    void theFirstMessageStartsTheConversation() {
        fixture.givenNoPriorActivity().when(post(TRACE)).expectEvents(started(), posted(TRACE));
    }

    @Test
    void aLaterMessageOnlyOpensATurn() {
        fixture.given(started(), posted(TRACE)).when(post("trace-2")).expectEvents(posted("trace-2"));
    }

    @Test
    void aCompletedTurnRecordsEverythingInOrder() {
        LlmCallRecorded call = new LlmCallRecorded(
                UUID.randomUUID(),
                ID,
                TRACE,
                "openai",
                "gpt",
                "architect",
                "chat",
                10,
                5,
                40,
                null,
                null,
                Instant.EPOCH,
                OWNER);
        UUID proposal = UUID.randomUUID();
        fixture.given(started(), posted(TRACE))
                .when(new RecordTurn(
                        ID,
                        TRACE,
                        ROUTING,
                        List.of(new RecordTurn.ToolCall("seek_approval", "{}", 12, 3, null)),
                        List.of(call),
                        List.of(proposal),
                        new RecordTurn.Completed(REPLY, "Done", 10, 5, 40),
                        OWNER))
                .expectEvents(
                        new ConversationAgentRouted(ID, TRACE, "auto", "architect", "default", false, OWNER),
                        new ConversationToolCalled(ID, TRACE, "architect", "seek_approval", "{}", 12, 3, null, OWNER),
                        call,
                        new ConversationProposalLinked(ID, TRACE, proposal, OWNER),
                        new ConversationReplyCompleted(ID, REPLY, TRACE, "architect", "Done", 10, 5, 40, OWNER));
    }

    @Test
    void failedAndCancelledTurnsAreRecorded() {
        fixture.given(started(), posted(TRACE))
                .when(new RecordTurn(ID, TRACE, ROUTING, null, null, null, new RecordTurn.Failed("provider"), OWNER))
                .expectEvents(
                        new ConversationAgentRouted(ID, TRACE, "auto", "architect", "default", false, OWNER),
                        new ConversationReplyFailed(ID, TRACE, "architect", "provider", OWNER));
        fixture.given(started(), posted(TRACE))
                .when(new RecordTurn(ID, TRACE, ROUTING, null, null, null, new RecordTurn.Cancelled(), OWNER))
                .expectEvents(
                        new ConversationAgentRouted(ID, TRACE, "auto", "architect", "default", false, OWNER),
                        new ConversationReplyCancelled(ID, TRACE, "architect", OWNER));
    }

    @Test
    void aTurnClosesOnlyOnce() {
        fixture.given(started(), posted(TRACE), new ConversationReplyFailed(ID, TRACE, "architect", "x", OWNER))
                .when(new RecordTurn(ID, TRACE, ROUTING, null, null, null, new RecordTurn.Cancelled(), OWNER))
                .expectException(TurnNotOpenException.class)
                .expectNoEvents();
        fixture.given(started(), posted(TRACE))
                .when(new RecordTurn(ID, "other", ROUTING, null, null, null, new RecordTurn.Cancelled(), OWNER))
                .expectException(TurnNotOpenException.class)
                .expectNoEvents();
    }

    @Test
    void feedbackIsRecordedUntilTheConversationIsDeleted() {
        fixture.given(started(), posted(TRACE))
                .when(new GiveFeedback(ID, TRACE, "positive", OWNER))
                .expectEvents(new ConversationFeedbackGiven(ID, TRACE, "positive", OWNER));
        fixture.given(started(), posted(TRACE), new ConversationDeleted(ID, OWNER))
                .when(new GiveFeedback(ID, TRACE, "negative", OWNER))
                .expectException(ConversationNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedConversationTakesNoMoreAndDeletesOnce() {
        fixture.given(started(), posted(TRACE), new ConversationDeleted(ID, OWNER))
                .when(post("trace-2"))
                .expectException(ConversationNotFoundException.class)
                .expectNoEvents();
        fixture.given(started(), posted(TRACE), new ConversationDeleted(ID, OWNER))
                .when(new RecordTurn(ID, TRACE, ROUTING, null, null, null, new RecordTurn.Cancelled(), OWNER))
                .expectException(ConversationNotFoundException.class)
                .expectNoEvents();
        fixture.given(started(), posted(TRACE))
                .when(new DeleteConversation(ID, OWNER))
                .expectEvents(new ConversationDeleted(ID, OWNER));
        fixture.given(started(), new ConversationDeleted(ID, OWNER))
                .when(new DeleteConversation(ID, OWNER))
                .expectNoEvents();
    }
}
