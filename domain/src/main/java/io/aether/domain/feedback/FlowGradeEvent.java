package io.aether.domain.feedback;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** An event of one flow grade. */
public interface FlowGradeEvent {
    UUID id();

    String conversationId();

    Actor actor();
}
