package io.aether.query.job;

import io.aether.domain.job.JobStatus;
import io.aether.domain.job.JobType;
import io.aether.domain.job.query.JobList;
import io.aether.domain.job.query.JobView;
import io.aether.domain.job.query.ListJobs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers job queries from {@code job_list}: the newest jobs first (an index range, bounded by
 * the limit), the total from {@code job_list_count}.
 */
@Component
public class JobListQueries {
    private final JdbcClient jdbc;

    public JobListQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public JobList handle(ListJobs query) {
        List<JobView> jobs;
        long total;
        if (query.type() == null) {
            jobs = jdbc.sql("SELECT * FROM job_list ORDER BY started_at DESC, job_id DESC LIMIT :limit")
                    .param("limit", query.limit())
                    .query((rs, n) -> view(rs))
                    .list();
            total = jdbc.sql("SELECT coalesce(sum(n), 0) FROM job_list_count")
                    .query(Long.class)
                    .single();
        } else {
            jobs = jdbc.sql("""
                            SELECT * FROM job_list WHERE job_type = :type
                            ORDER BY started_at DESC, job_id DESC LIMIT :limit""")
                    .param("type", query.type().wire())
                    .param("limit", query.limit())
                    .query((rs, n) -> view(rs))
                    .list();
            total = jdbc.sql("SELECT coalesce(sum(n), 0) FROM job_list_count WHERE job_type = :type")
                    .param("type", query.type().wire())
                    .query(Long.class)
                    .single();
        }
        return new JobList(jobs, total);
    }

    /** A job's title as the job list shows it; empty when the job list does not hold the job (yet). */
    public Optional<String> title(UUID jobId) {
        return jdbc.sql("SELECT title FROM job_list WHERE job_id = :id")
                .param("id", jobId)
                .query(String.class)
                .optional();
    }

    /** The name of a job's subject (a proposal's name) from its latest named job; empty when none names it. */
    public Optional<String> subjectName(String subjectId) {
        return jdbc.sql("""
                        SELECT subject_name FROM job_list WHERE subject_id = :id AND subject_name IS NOT NULL
                        ORDER BY started_at DESC LIMIT 1""").param("id", subjectId).query(String.class).optional();
    }

    private static JobView view(ResultSet rs) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new JobView(
                rs.getObject("job_id", UUID.class),
                JobType.fromWire(rs.getString("job_type")).orElseThrow(),
                rs.getString("title"),
                JobStatus.fromWire(rs.getString("status")),
                rs.getString("subject_id"),
                rs.getTimestamp("started_at").toInstant(),
                completed == null ? null : completed.toInstant(),
                rs.getString("error"));
    }
}
