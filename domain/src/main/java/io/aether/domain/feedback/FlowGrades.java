package io.aether.domain.feedback;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rules of flow grades and model ratings, checked before anything is recorded. */
public final class FlowGrades {
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_ID = 255;
    public static final int MAX_ROLE = 50;

    private FlowGrades() {}

    /** One grade per conversation and span (null span: the whole conversation). */
    public static UUID idFor(String conversationId, String spanId) {
        String key = "flow-grade\u0000" + conversationId + "\u0000" + (spanId == null ? "" : "span:" + spanId);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> problems(SubmitFlowGrade grade) {
        List<String> problems = new ArrayList<>();
        if (grade.grade() != 1 && grade.grade() != -1) {
            problems.add("grade: must be 1 (thumbs up) or -1 (thumbs down)");
        }
        text(problems, "conversation_id", grade.conversationId(), true, MAX_ID);
        text(problems, "span_id", grade.spanId(), false, MAX_ID);
        text(problems, "comment", grade.comment(), false, MAX_COMMENT);
        text(problems, "agent_role", grade.agentRole(), false, MAX_ROLE);
        text(problems, "trace_id", grade.traceId(), false, MAX_ID);
        return problems;
    }

    public static List<String> problems(RateModel rating) {
        List<String> problems = new ArrayList<>();
        if (rating.rating() < 1 || rating.rating() > 5) {
            problems.add("rating: must be between 1 and 5");
        }
        text(problems, "model_name", rating.modelName(), true, 255);
        text(problems, "agent_role", rating.agentRole(), true, MAX_ROLE);
        text(problems, "notes", rating.notes(), false, MAX_COMMENT);
        if (rating.configSnapshot() != null && !rating.configSnapshot().isObject()) {
            problems.add("config_snapshot: must be an object");
        }
        return problems;
    }

    private static void text(List<String> problems, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field + ": must not be blank");
            }
        } else if (value.length() > max) {
            problems.add(field + ": at most " + max + " characters");
        }
    }
}
