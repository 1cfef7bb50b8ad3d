package io.aether.query.job;

import io.aether.domain.insight.AnalysisCompleted;
import io.aether.domain.insight.AnalysisFailed;
import io.aether.domain.insight.AnalysisRequested;
import io.aether.domain.job.AnalysisJobs;
import io.aether.domain.job.JobStatus;
import io.aether.domain.job.JobType;
import io.aether.domain.job.ProposalJobs;
import io.aether.domain.optimization.OptimizationCompleted;
import io.aether.domain.optimization.OptimizationFailed;
import io.aether.domain.optimization.OptimizationRequested;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalDeploymentRequested;
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRollbackRequested;
import io.aether.domain.proposal.ProposalRolledBack;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code job_list} (with {@code job_list_count}), the read model
 * behind {@code GET /jobs}: every job of every kind, from the events that start and end it.
 *
 * <p>The jobs are a proposal's deployments and rollbacks, and analysis jobs
 * ({@code AnalysisRequested} to {@code AnalysisCompleted} / {@code AnalysisFailed}): the intent event
 * ({@code ProposalDeploymentRequested}, {@code ProposalRollbackRequested}) starts a running job
 * under the operation's id, the outcome event completes or fails it. Another kind plugs in with
 * its own handlers calling {@link #start} and {@link #end}. The title names the proposal: a
 * deployment's config carries its name ({@code alias}); a rollback takes it from the config it
 * restores, else from the proposal's earlier jobs (a rollback always follows a deployment, in the
 * same segment). So the projection handles the job events only, nothing per proposal.
 *
 * <p>Replay-safe: a start inserts only a job that is not there ({@code ON CONFLICT DO NOTHING})
 * and counts it only then; an end changes only a running job. Jobs are few (one per operation), so
 * each event is written at once, in the processing batch's transaction.
 */
@Component
@ProcessingGroup(JobListProjection.PROCESSING_GROUP)
public class JobListProjection {
    public static final String PROCESSING_GROUP = "job-list";

    private final JdbcClient jdbc;
    private final JobListQueries queries;

    public JobListProjection(JdbcClient jdbc, JobListQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    @EventHandler
    void on(ProposalDeploymentRequested event, @Timestamp Instant at) {
        String proposal = event.proposalId().toString();
        String name = ProposalJobs.name(event.config());
        start(
                event.deploymentId(),
                JobType.DEPLOYMENT,
                ProposalJobs.deploymentTitle(name, proposal),
                proposal,
                name,
                at);
    }

    @EventHandler
    void on(ProposalDeployed event, @Timestamp Instant at) {
        end(event.deploymentId(), JobStatus.COMPLETED, null, at);
    }

    @EventHandler
    void on(ProposalDeploymentFailed event, @Timestamp Instant at) {
        end(event.deploymentId(), JobStatus.FAILED, event.error(), at);
    }

    @EventHandler
    void on(ProposalRollbackRequested event, @Timestamp Instant at) {
        String proposal = event.proposalId().toString();
        String name = ProposalJobs.name(event.configToRestore());
        if (name == null) {
            name = queries.subjectName(proposal).orElse(null);
        }
        start(
                event.rollbackId(),
                JobType.ROLLBACK,
                ProposalJobs.rollbackTitle(name, proposal, event.targetVersion()),
                proposal,
                name,
                at);
    }

    @EventHandler
    void on(ProposalRolledBack event, @Timestamp Instant at) {
        end(event.rollbackId(), JobStatus.COMPLETED, null, at);
    }

    @EventHandler
    void on(ProposalRollbackFailed event, @Timestamp Instant at) {
        end(event.rollbackId(), JobStatus.FAILED, event.error(), at);
    }

    @EventHandler
    void on(AnalysisRequested event, @Timestamp Instant at) {
        start(event.jobId(), JobType.ANALYSIS, AnalysisJobs.title(event.type().wire()), null, null, at);
    }

    @EventHandler
    void on(AnalysisCompleted event, @Timestamp Instant at) {
        end(event.jobId(), JobStatus.COMPLETED, null, at);
    }

    @EventHandler
    void on(AnalysisFailed event, @Timestamp Instant at) {
        end(event.jobId(), JobStatus.FAILED, event.error(), at);
    }

    @EventHandler
    void on(OptimizationRequested event, @Timestamp Instant at) {
        String types = String.join(
                ", ", event.analysisTypes().stream().map(t -> t.wire()).toList());
        start(event.jobId(), JobType.OPTIMIZATION, "Optimization (" + types + ")", null, null, at);
    }

    @EventHandler
    void on(OptimizationCompleted event, @Timestamp Instant at) {
        end(event.jobId(), JobStatus.COMPLETED, null, at);
    }

    @EventHandler
    void on(OptimizationFailed event, @Timestamp Instant at) {
        end(event.jobId(), JobStatus.FAILED, event.error(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE job_list, job_list_count").update();
    }

    /** A running job; counted once, however often its start event is handled. */
    void start(UUID jobId, JobType type, String title, String subjectId, String subjectName, Instant at) {
        int inserted = jdbc.sql("""
                        INSERT INTO job_list (job_id, job_type, title, status, subject_id, subject_name, started_at)
                        VALUES (:id, :type, :title, :status, :subject, :name, :at)
                        ON CONFLICT (job_id) DO NOTHING""")
                .param("id", jobId)
                .param("type", type.wire())
                .param("title", title)
                .param("status", JobStatus.RUNNING.wire())
                .param("subject", subjectId)
                .param("name", subjectName)
                .param("at", utc(at))
                .update();
        if (inserted == 1) {
            jdbc.sql("""
                            INSERT INTO job_list_count (job_type, n) VALUES (:type, 1)
                            ON CONFLICT (job_type) DO UPDATE SET n = job_list_count.n + 1""").param("type", type.wire()).update();
        }
    }

    /** Ends a running job; a job that has already ended keeps its outcome. */
    void end(UUID jobId, JobStatus status, String error, Instant at) {
        jdbc.sql("""
                        UPDATE job_list SET status = :status, completed_at = :at, error = :error
                        WHERE job_id = :id AND status = :running""")
                .param("status", status.wire())
                .param("at", utc(at))
                .param("error", error)
                .param("id", jobId)
                .param("running", JobStatus.RUNNING.wire())
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
