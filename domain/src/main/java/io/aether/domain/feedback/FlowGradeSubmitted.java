package io.aether.domain.feedback;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A conversation (span null) or one of its steps was graded +1 or −1; a later one replaces it. */
@Revision("1")
public record FlowGradeSubmitted(
        UUID id,
        String conversationId,
        String spanId,
        int grade,
        String comment,
        String agentRole,
        String traceId,
        Actor actor)
        implements FlowGradeEvent {}
