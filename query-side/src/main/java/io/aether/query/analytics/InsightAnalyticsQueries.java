package io.aether.query.analytics;

import io.aether.domain.analytics.query.GetInsightAnalytics;
import io.aether.domain.analytics.query.InsightAnalytics;
import io.aether.domain.analytics.query.ProposalAnalytics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers {@link GetInsightAnalytics} from {@code insight_analytics}: the insights created in the
 * range, through the {@code created_at} index (bounded by the insights in the range, not by the
 * events stored), grouped per type with {@code ROLLUP} for the total.
 */
@Component
public class InsightAnalyticsQueries {
    private static final String FIGURES = """
            SELECT type,
                count(*) AS generated,
                count(reviewed_at) AS reviewed,
                count(acted_upon_at) AS acted_upon,
                count(dismissed_at) AS dismissed,
                count(first_review_at) AS review_n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_review_at - created_at)::float8)
                    AS review_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_review_at - created_at)::float8)
                    AS review_p90
            FROM insight_analytics
            WHERE created_at >= :from AND created_at < :to
            GROUP BY ROLLUP (type)
            ORDER BY type NULLS FIRST""";

    private final JdbcClient jdbc;

    public InsightAnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public InsightAnalytics handle(GetInsightAnalytics query) {
        InsightAnalytics.Figures[] total = {empty()};
        List<InsightAnalytics.TypeFigures> byType = new ArrayList<>();
        jdbc.sql(FIGURES)
                .param("from", query.from().atOffset(ZoneOffset.UTC))
                .param("to", query.to().atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    String type = rs.getString("type");
                    if (type == null) {
                        total[0] = figures(rs);
                    } else {
                        byType.add(new InsightAnalytics.TypeFigures(type, figures(rs)));
                    }
                });
        return new InsightAnalytics(query.from(), query.to(), total[0], byType);
    }

    private static InsightAnalytics.Figures figures(ResultSet rs) throws SQLException {
        return new InsightAnalytics.Figures(
                rs.getLong("generated"),
                rs.getLong("reviewed"),
                rs.getLong("acted_upon"),
                rs.getLong("dismissed"),
                new ProposalAnalytics.LeadTime(
                        rs.getLong("review_n"), rs.getObject("review_p50", Double.class), (Double)
                                rs.getObject("review_p90", Double.class)));
    }

    private static InsightAnalytics.Figures empty() {
        return new InsightAnalytics.Figures(0, 0, 0, 0, new ProposalAnalytics.LeadTime(0, null, null));
    }
}
