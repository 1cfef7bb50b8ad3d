package io.aether.query.evaluation;

import io.aether.domain.evaluation.EvaluationJobState;
import io.aether.domain.evaluation.Scorer;
import io.aether.domain.evaluation.query.EvaluationSummary;
import io.aether.domain.evaluation.query.FindEvaluationJob;
import io.aether.domain.evaluation.query.GetEvaluationSummary;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers evaluation queries: one job folded from its events (current as soon as a command
 * returned), and the latest completed run's results per scorer from {@code evaluation_score}.
 */
@Component
public class EvaluationQueries {
    static final int MAX_FAILING_TRACES = 100;
    private static final String AGGREGATE_TYPE = "EvaluationJobAggregate";

    private final JdbcClient jdbc;
    private final EventStore eventStore;

    public EvaluationQueries(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @QueryHandler
    public EvaluationJobState handle(FindEvaluationJob query) {
        EvaluationJobState state = null;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(query.jobId().toString(), 0L).asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                if (!AGGREGATE_TYPE.equals(event.getType())) {
                    return null;
                }
                state = EvaluationJobState.apply(state, event.getPayload(), event.getTimestamp());
            }
        }
        return state;
    }

    @QueryHandler
    public EvaluationSummary handle(GetEvaluationSummary query) {
        List<Map<String, Object>> latest = jdbc.sql("SELECT job_id, trace_count, completed_at FROM evaluation_run"
                        + " WHERE status = 'completed' ORDER BY completed_at DESC, job_id LIMIT 1")
                .query()
                .listOfRows();
        if (latest.isEmpty()) {
            return new EvaluationSummary(null, 0, List.of(), null);
        }
        UUID job = (UUID) latest.get(0).get("job_id");
        int traceCount = ((Number) latest.get(0).get("trace_count")).intValue();
        Timestamp completed = (Timestamp) latest.get(0).get("completed_at");
        List<EvaluationSummary.ScorerSummary> results = new ArrayList<>();
        for (Scorer scorer : Scorer.values()) {
            Map<String, Object> counts = jdbc.sql("""
                            SELECT count(*) FILTER (WHERE passed) AS passed,
                                   count(*) FILTER (WHERE NOT passed) AS failed,
                                   count(*) FILTER (WHERE passed IS NULL) AS errors,
                                   avg(value) AS avg_value
                            FROM evaluation_score WHERE job_id = :job AND scorer = :scorer""")
                    .param("job", job)
                    .param("scorer", scorer.wire())
                    .query()
                    .singleRow();
            List<String> failing = jdbc.sql("SELECT trace_id FROM evaluation_score"
                            + " WHERE job_id = :job AND scorer = :scorer AND passed = false"
                            + " ORDER BY trace_id LIMIT :limit")
                    .param("job", job)
                    .param("scorer", scorer.wire())
                    .param("limit", MAX_FAILING_TRACES)
                    .query(String.class)
                    .list();
            int passed = ((Number) counts.get("passed")).intValue();
            int failed = ((Number) counts.get("failed")).intValue();
            int errors = ((Number) counts.get("errors")).intValue();
            Number avg = (Number) counts.get("avg_value");
            results.add(new EvaluationSummary.ScorerSummary(
                    scorer.wire(),
                    passed,
                    failed,
                    errors,
                    passed + failed == 0 ? null : (double) passed / (passed + failed),
                    avg == null ? null : avg.doubleValue(),
                    failing));
        }
        return new EvaluationSummary(job, traceCount, results, completed == null ? null : completed.toInstant());
    }
}
