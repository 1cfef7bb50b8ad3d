package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one conversation. */
public interface ConversationCommand {
    UUID conversationId();

    Actor actor();

    @TargetAggregateIdentifier
    default String aggregateId() {
        return conversationId().toString();
    }
}
