package io.aether.domain.feedback;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Withdraw a flow grade; refused (not found) when there is none under this id. */
public record DeleteFlowGrade(UUID id, Actor actor) implements FlowGradeCommand {}
