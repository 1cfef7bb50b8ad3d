package io.aether.query.analytics;

import io.aether.domain.analytics.query.AnalyticsBucket;
import io.aether.domain.analytics.query.GetProposalAnalytics;
import io.aether.domain.analytics.query.ProposalAnalytics;
import io.aether.domain.analytics.query.ProposalAnalytics.Bucket;
import io.aether.domain.analytics.query.ProposalAnalytics.Funnel;
import io.aether.domain.analytics.query.ProposalAnalytics.LeadTime;
import io.aether.domain.analytics.query.ProposalAnalytics.LeadTimes;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers {@link GetProposalAnalytics} from the proposal-analytics read models, never from the event
 * store. The cohort figures (funnel, lead-time percentiles by PostgreSQL's {@code percentile_cont},
 * rates) read the proposals created in the range through the {@code created_at} index: bounded by the
 * proposals in the range, not by the events stored. The step counts read one row per (day, step) of
 * the range's days: bounded by the range's length (at most 366 days of day buckets, see the API).
 */
@Component
public class ProposalAnalyticsQueries {
    /** The cohort's figures; {@code :unit} is day or week for the per-bucket grouping. */
    private static final String COHORT = """
            SELECT %s AS bucket,
                count(*) AS created,
                count(approved_at) AS approved,
                count(rejected_at) AS rejected,
                count(deployed_at) AS deployed,
                count(rolled_back_at) AS rolled_back,
                coalesce(sum(deployments), 0) AS deployments,
                coalesce(sum(deployment_failures), 0) AS deployment_failures,
                count(approved_at - created_at) AS approve_n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM approved_at - created_at)::float8)
                    AS approve_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM approved_at - created_at)::float8)
                    AS approve_p90,
                count(deployed_at - approved_at) AS deploy_n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM deployed_at - approved_at)::float8)
                    AS deploy_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM deployed_at - approved_at)::float8)
                    AS deploy_p90
            FROM proposal_analytics
            WHERE created_at >= :from AND created_at < :to
            %s""";

    private final JdbcClient jdbc;

    public ProposalAnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ProposalAnalytics handle(GetProposalAnalytics query) {
        OffsetDateTime from = query.from().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = query.to().atOffset(ZoneOffset.UTC);
        Cohort total = jdbc.sql(COHORT.formatted("NULL::date", ""))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> Cohort.of(rs))
                .single();

        String unit = query.bucket() == AnalyticsBucket.WEEK ? "week" : "day";
        Map<LocalDate, LeadTimes> bucketLeadTimes = new HashMap<>();
        jdbc.sql(COHORT.formatted("date_trunc('" + unit + "', created_at AT TIME ZONE 'UTC')::date", "GROUP BY 1"))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> bucketLeadTimes.put(rs.getObject("bucket", LocalDate.class), Cohort.of(rs).leadTimes))
                .list();

        List<LocalDate> days = days(query.from(), query.to());
        Map<LocalDate, Map<String, Long>> counts = new LinkedHashMap<>();
        for (LocalDate day : days) {
            counts.computeIfAbsent(bucketStart(day, query.bucket()), d -> ProposalSteps.zeros());
        }
        if (!days.isEmpty()) {
            jdbc.sql("SELECT day, step, n FROM proposal_analytics_daily WHERE day >= :first AND day <= :last")
                    .param("first", Date.valueOf(days.get(0)))
                    .param("last", Date.valueOf(days.get(days.size() - 1)))
                    .query((rs, n) -> {
                        LocalDate start = bucketStart(rs.getObject("day", LocalDate.class), query.bucket());
                        counts.get(start).merge(rs.getString("step"), rs.getLong("n"), Long::sum);
                        return null;
                    })
                    .list();
        }
        LeadTimes none = new LeadTimes(new LeadTime(0, null, null), new LeadTime(0, null, null));
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((start, stepCounts) ->
                buckets.add(new Bucket(start, stepCounts, bucketLeadTimes.getOrDefault(start, none))));

        long attempts = total.deployments + total.deploymentFailures;
        return new ProposalAnalytics(
                query.from(),
                query.to(),
                query.bucket().wire(),
                total.funnel,
                total.leadTimes,
                total.deployments,
                total.deploymentFailures,
                attempts == 0 ? null : (double) total.deploymentFailures / attempts,
                total.funnel.deployed() == 0 ? null : (double) total.funnel.rolledBack() / total.funnel.deployed(),
                buckets);
    }

    /** The UTC days that {@code [from, to)} touches, in order (none for an empty range). */
    static List<LocalDate> days(Instant from, Instant to) {
        List<LocalDate> days = new ArrayList<>();
        if (!from.isBefore(to)) {
            return days;
        }
        LocalDate last = to.minus(1, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** The first day of the bucket holding {@code day}: itself, or the Monday of its ISO week. */
    static LocalDate bucketStart(LocalDate day, AnalyticsBucket bucket) {
        return bucket == AnalyticsBucket.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
    }

    /** One row of {@link #COHORT}. */
    private record Cohort(Funnel funnel, LeadTimes leadTimes, long deployments, long deploymentFailures) {
        static Cohort of(ResultSet rs) throws SQLException {
            return new Cohort(
                    new Funnel(
                            rs.getLong("created"),
                            rs.getLong("approved"),
                            rs.getLong("rejected"),
                            rs.getLong("deployed"),
                            rs.getLong("rolled_back")),
                    new LeadTimes(
                            new LeadTime(rs.getLong("approve_n"), number(rs, "approve_p50"), number(rs, "approve_p90")),
                            new LeadTime(rs.getLong("deploy_n"), number(rs, "deploy_p50"), number(rs, "deploy_p90"))),
                    rs.getLong("deployments"),
                    rs.getLong("deployment_failures"));
        }

        private static Double number(ResultSet rs, String column) throws SQLException {
            double value = rs.getDouble(column);
            return rs.wasNull() ? null : value;
        }
    }
}
