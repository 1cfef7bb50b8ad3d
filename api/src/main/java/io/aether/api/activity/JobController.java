package io.aether.api.activity;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.job.JobType;
import io.aether.domain.job.query.JobList;
import io.aether.domain.job.query.ListJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recent jobs of every kind, from the job-list read model. docs/api.md "Jobs". */
@RestController
@Validated
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Jobs")
public class JobController {
    private static final String TYPES =
            Arrays.stream(JobType.values()).map(JobType::wire).collect(Collectors.joining(", "));

    private final QueryGateway queries;

    public JobController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Recent jobs (deployments, rollbacks, ...), newest first, with their status and outcome")
    public JobResponses.Jobs list(
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
            @Parameter(
                            description = "only jobs of this kind: chat, optimization, analysis, schedule, webhook, "
                                    + "evaluation, deployment or rollback")
                    @RequestParam(name = "job_type", required = false)
                    String jobType) {
        JobType type = jobType == null || jobType.isBlank()
                ? null
                : JobType.fromWire(jobType.trim())
                        .orElseThrow(() -> ApiException.badRequest("'job_type' must be one of " + TYPES));
        JobList list = queries.query(new ListJobs(type, limit), JobList.class).join();
        return JobResponses.Jobs.of(list);
    }
}
