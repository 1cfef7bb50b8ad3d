package io.aether.api.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.feedback.query.ConversationGrades;
import io.aether.domain.feedback.query.FlowGradeView;
import io.aether.domain.feedback.query.ModelRatingList;
import io.aether.domain.feedback.query.ModelRatingSummaries;
import io.aether.domain.feedback.query.ModelRatingView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Response bodies of model ratings and flow grades, field for field the original's. */
public final class FeedbackResponses {
    private FeedbackResponses() {}

    @Schema(name = "ModelRatingResponse")
    public record Rating(
            String id,
            String modelName,
            String agentRole,
            int rating,
            @Schema(nullable = true) String notes,
            @Schema(nullable = true, type = "object") JsonNode configSnapshot,
            Instant createdAt,

            @Schema(description = "ratings never change: created_at")
            Instant updatedAt) {
        static Rating of(ModelRatingView view) {
            return new Rating(
                    view.id().toString(),
                    view.modelName(),
                    view.agentRole(),
                    view.rating(),
                    view.notes(),
                    view.configSnapshot(),
                    view.createdAt(),
                    view.createdAt());
        }
    }

    @Schema(name = "ModelRatingListResponse")
    public record Ratings(List<Rating> items, long total) {
        static Ratings of(ModelRatingList list) {
            return new Ratings(list.items().stream().map(Rating::of).toList(), list.total());
        }
    }

    @Schema(name = "ModelSummaryResponse")
    public record Summary(
            String modelName,
            String agentRole,
            double avgRating,
            long ratingCount,
            @Schema(nullable = true, type = "object") JsonNode latestConfig) {
        static List<Summary> of(ModelRatingSummaries summaries) {
            return summaries.items().stream()
                    .map(s ->
                            new Summary(s.modelName(), s.agentRole(), s.avgRating(), s.ratingCount(), s.latestConfig()))
                    .toList();
        }
    }

    @Schema(name = "FlowGradeResponse")
    public record Grade(
            String id,
            String conversationId,
            @Schema(nullable = true) String spanId,
            int grade,
            @Schema(nullable = true) String comment,
            @Schema(nullable = true) String agentRole,
            Instant createdAt) {
        static Grade of(FlowGradeView view) {
            return new Grade(
                    view.id().toString(),
                    view.conversationId(),
                    view.spanId(),
                    view.grade(),
                    view.comment(),
                    view.agentRole(),
                    view.createdAt());
        }
    }

    /** GET /flow-grades/{conversation_id}: the overall grade (or null), the graded steps, how many. */
    @Schema(name = "ConversationGrades")
    public record Grades(
            String conversationId, @Schema(nullable = true) Grade overall, List<Grade> steps, int totalGrades) {
        static Grades of(String conversationId, ConversationGrades grades) {
            Grade overall = null;
            List<Grade> steps = new java.util.ArrayList<>();
            for (FlowGradeView view : grades.items()) {
                if (view.spanId() == null) {
                    overall = Grade.of(view);
                } else {
                    steps.add(Grade.of(view));
                }
            }
            return new Grades(
                    conversationId, overall, List.copyOf(steps), grades.items().size());
        }
    }
}
