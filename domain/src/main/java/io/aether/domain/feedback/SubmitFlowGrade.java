package io.aether.domain.feedback;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/**
 * Grade a conversation (span null) or one step of it (a span), +1 or −1. A second grade of the
 * same conversation and span replaces the first: the id follows from both ({@link FlowGrades#idFor}).
 */
public record SubmitFlowGrade(
        UUID id,
        String conversationId,
        String spanId,
        int grade,
        String comment,
        String agentRole,
        String traceId,
        Actor actor)
        implements FlowGradeCommand {
    public static SubmitFlowGrade of(
            String conversationId,
            String spanId,
            int grade,
            String comment,
            String agentRole,
            String traceId,
            Actor actor) {
        return new SubmitFlowGrade(
                FlowGrades.idFor(conversationId, spanId),
                conversationId,
                spanId,
                grade,
                comment,
                agentRole,
                traceId,
                actor);
    }
}
