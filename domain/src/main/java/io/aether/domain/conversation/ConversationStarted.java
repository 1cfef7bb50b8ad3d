package io.aether.domain.conversation;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A conversation began.
 *
 * @param title what to show in lists (the client's, or the start of the first message)
 * @param agent the agent the person asked for ({@code auto} or a name)
 * @param source {@code conversations} (native API) or {@code chat_completions} (OpenAI-compatible)
 */
@Revision("1")
public record ConversationStarted(UUID conversationId, String title, String agent, String source, Actor actor)
        implements ConversationEvent {}
