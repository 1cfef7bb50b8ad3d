package io.aether.domain.feedback;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A flow grade was withdrawn; the conversation and span may be graded again. */
@Revision("1")
public record FlowGradeDeleted(UUID id, String conversationId, Actor actor) implements FlowGradeEvent {}
