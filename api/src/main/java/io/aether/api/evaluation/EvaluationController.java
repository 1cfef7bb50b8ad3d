package io.aether.api.evaluation;

import io.aether.domain.actor.Actor;
import io.aether.domain.evaluation.EvaluationJobNotFoundException;
import io.aether.domain.evaluation.EvaluationJobState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scorers run over the agents' stored traces: on demand (a pollable job) and nightly. */
@RestController
@Validated
@RequestMapping(path = "/api/v1/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Evaluations")
public class EvaluationController {
    private final EvaluationService evaluations;

    public EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/scorers")
    @Operation(summary = "The scorers and what passes each")
    public EvaluationResponses.Scorers scorers() {
        return EvaluationResponses.Scorers.all();
    }

    @PostMapping("/run")
    @Operation(summary = "Start an evaluation of the newest traces; poll GET /evaluations/jobs/{job_id}")
    public EvaluationResponses.Trigger run(
            @Parameter(description = "How many of the newest traces to evaluate")
                    @RequestParam(name = "max_traces", defaultValue = "10")
                    @Min(1)
                    @Max(500)
                    int maxTraces,
            Actor actor) {
        Optional<EvaluationJobState> job = evaluations.run(maxTraces, actor);
        if (job.isEmpty()) {
            return new EvaluationResponses.Trigger("error", 0, "No stored traces to evaluate", null);
        }
        int count = job.get().traceIds().size();
        return new EvaluationResponses.Trigger(
                "started", count, "Evaluating " + count + " traces", job.get().jobId());
    }

    @GetMapping("/jobs/{job_id}")
    @Operation(summary = "An evaluation job: running, completed or failed, with the scores recorded so far")
    public EvaluationResponses.Job job(@PathVariable("job_id") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId.strip());
        } catch (IllegalArgumentException e) {
            throw new EvaluationJobNotFoundException(jobId);
        }
        return EvaluationResponses.Job.of(evaluations.job(id));
    }

    @GetMapping("/summary")
    @Operation(
            summary = "The latest completed run: traces evaluated and, per scorer, passes, failures and failing traces")
    public EvaluationResponses.Summary summary() {
        return EvaluationResponses.Summary.of(evaluations.summary());
    }
}
