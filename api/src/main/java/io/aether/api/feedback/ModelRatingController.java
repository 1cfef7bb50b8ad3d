package io.aether.api.feedback;

import io.aether.domain.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People's ratings of models per agent role (each an event), and their averages. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Model Registry")
public class ModelRatingController {
    private final FeedbackService feedback;

    public ModelRatingController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/ratings")
    @Operation(summary = "List ratings, newest first (filters model_name, agent_role)")
    public FeedbackResponses.Ratings ratings(
            @RequestParam(name = "model_name", required = false) String modelName,
            @RequestParam(name = "agent_role", required = false) String agentRole,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return FeedbackResponses.Ratings.of(feedback.ratings(modelName, agentRole, limit, offset));
    }

    @PostMapping(path = "/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate a model 1–5 for an agent role; config_snapshot defaults to the agent's active config")
    public FeedbackResponses.Rating rate(@Valid @RequestBody FeedbackRequests.Rating body, Actor actor) {
        return FeedbackResponses.Rating.of(feedback.rate(body, actor));
    }

    @GetMapping("/summary")
    @Operation(summary = "Average rating, count and newest config per model and role")
    public List<FeedbackResponses.Summary> summary(
            @RequestParam(name = "agent_role", required = false) String agentRole) {
        return FeedbackResponses.Summary.of(feedback.summaries(agentRole));
    }
}
