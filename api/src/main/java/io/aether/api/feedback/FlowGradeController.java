package io.aether.api.feedback;

import io.aether.domain.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Thumbs up or down on a whole conversation or one of its steps (each change an event). */
@RestController
@RequestMapping(path = "/api/v1/flow-grades", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Flow Grades")
public class FlowGradeController {
    private final FeedbackService feedback;

    public FlowGradeController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grade a conversation (span_id null) or a step, +1 or -1; grading again replaces it")
    public FeedbackResponses.Grade grade(@Valid @RequestBody FeedbackRequests.Grade body, Actor actor) {
        return FeedbackResponses.Grade.of(feedback.grade(body, actor));
    }

    @GetMapping("/{conversationId}")
    @Operation(summary = "A conversation's grades: the overall one, the graded steps, how many")
    public FeedbackResponses.Grades grades(@PathVariable String conversationId) {
        return FeedbackResponses.Grades.of(conversationId, feedback.grades(conversationId));
    }

    @DeleteMapping("/{gradeId}")
    @Operation(summary = "Withdraw a grade (its history stays)")
    public ResponseEntity<Void> delete(@PathVariable String gradeId, Actor actor) {
        feedback.deleteGrade(gradeId, actor);
        return ResponseEntity.noContent().build();
    }
}
