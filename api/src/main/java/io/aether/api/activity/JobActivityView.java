package io.aether.api.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.eventlog.StreamView;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.eventlog.query.EventLogFilter;
import io.aether.domain.job.AnalysisJobs;
import io.aether.domain.job.JobType;
import io.aether.domain.job.ProposalJobs;
import io.aether.query.job.JobListQueries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The activity stream's view of the stored events: the events that start and end a job, each
 * written as the original's {@code type: "job"} message ({@code event} start, complete or failed,
 * {@code job_id}, {@code job_type}, {@code title}, {@code ts} in epoch seconds, {@code error} when
 * failed) in a plain {@code data:} line, with the event's position as {@code id:} so that a client
 * can resume. Titles are the job list's ({@link ProposalJobs}).
 */
final class JobActivityView implements StreamView {

    /** A stored event that moves a job: what it means, for which kind of job, and where its job id is. */
    private record JobStep(String event, JobType type, String idField) {}

    private static final Map<String, JobStep> STEPS = Map.of(
            "ProposalDeploymentRequested", new JobStep("start", JobType.DEPLOYMENT, "deploymentId"),
            "ProposalDeployed", new JobStep("complete", JobType.DEPLOYMENT, "deploymentId"),
            "ProposalDeploymentFailed", new JobStep("failed", JobType.DEPLOYMENT, "deploymentId"),
            "ProposalRollbackRequested", new JobStep("start", JobType.ROLLBACK, "rollbackId"),
            "ProposalRolledBack", new JobStep("complete", JobType.ROLLBACK, "rollbackId"),
            "ProposalRollbackFailed", new JobStep("failed", JobType.ROLLBACK, "rollbackId"),
            "AnalysisRequested", new JobStep("start", JobType.ANALYSIS, "jobId"),
            "AnalysisCompleted", new JobStep("complete", JobType.ANALYSIS, "jobId"),
            "AnalysisFailed", new JobStep("failed", JobType.ANALYSIS, "jobId"));

    private final ObjectMapper mapper;
    private final JobListQueries jobs;

    JobActivityView(ObjectMapper mapper, JobListQueries jobs) {
        this.mapper = mapper;
        this.jobs = jobs;
    }

    @Override
    public EventLogFilter stored() {
        return EventLogFilter.ALL;
    }

    @Override
    public boolean matches(EventLogEntry entry) {
        return STEPS.containsKey(entry.eventType());
    }

    @Override
    public void write(OutputStream out, EventLogEntry entry) throws IOException {
        JobStep step = STEPS.get(entry.eventType());
        JsonNode payload = entry.payload();
        String jobId = payload.path(step.idField()).asText();
        ObjectNode message = mapper.createObjectNode()
                .put("type", "job")
                .put("event", step.event())
                .put("job_id", jobId)
                .put("job_type", step.type().wire())
                .put("title", title(step, jobId, entry, payload))
                .put("ts", entry.timestamp().toEpochMilli() / 1000.0);
        if (step.event().equals("failed")) {
            message.put("error", payload.path("error").asText(null));
        }
        out.write(("id: " + entry.position() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.write(mapper.writeValueAsBytes(message));
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The job list's title of the job; when the job-list projection has not written the job yet
     * (it runs beside the audit log's), the same title made from the event and the proposal's name.
     */
    private String title(JobStep step, String jobId, EventLogEntry entry, JsonNode payload) {
        Optional<String> listed = Optional.empty();
        try {
            listed = jobs.title(UUID.fromString(jobId));
        } catch (IllegalArgumentException notAnId) {
            // a payload without a job id: fall through to the made title
        }
        if (listed.isPresent()) {
            return listed.get();
        }
        if (step.type() == JobType.ANALYSIS) {
            return AnalysisJobs.title(payload.path("type").asText(null));
        }
        String proposalId = payload.path("proposalId").asText(entry.aggregateId());
        String name = ProposalJobs.name(payload.path(step.type() == JobType.DEPLOYMENT ? "config" : "configToRestore"));
        if (name == null) {
            name = jobs.subjectName(proposalId).orElse(null);
        }
        JsonNode target = payload.path("targetVersion");
        return step.type() == JobType.DEPLOYMENT
                ? ProposalJobs.deploymentTitle(name, proposalId)
                : ProposalJobs.rollbackTitle(name, proposalId, target.isInt() ? target.asInt() : null);
    }
}
