package io.aether.api.evaluation;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.api.trace.SpanStore;
import io.aether.domain.actor.Actor;
import io.aether.domain.evaluation.EvaluationJobNotFoundException;
import io.aether.domain.evaluation.EvaluationJobState;
import io.aether.domain.evaluation.RequestEvaluation;
import io.aether.domain.evaluation.query.EvaluationSummary;
import io.aether.domain.evaluation.query.FindEvaluationJob;
import io.aether.domain.evaluation.query.GetEvaluationSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Starts evaluation jobs over the newest stored traces and reads their outcome. */
@Service
public class EvaluationService {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SpanStore spans;

    public EvaluationService(CommandGateway commands, QueryGateway queries, SpanStore spans) {
        this.commands = commands;
        this.queries = queries;
        this.spans = spans;
    }

    /** A job over the newest {@code maxTraces} traces; empty when there is no trace to evaluate. */
    public Optional<EvaluationJobState> run(int maxTraces, Actor actor) {
        List<String> traceIds = spans.recentTraceIds(maxTraces);
        if (traceIds.isEmpty()) {
            return Optional.empty();
        }
        UUID jobId = UUID.randomUUID();
        commands.sendAndWait(new RequestEvaluation(jobId, traceIds, actor));
        return Optional.of(job(jobId));
    }

    public EvaluationJobState job(UUID jobId) {
        return Optional.ofNullable(QueryAnswers.answer(queries, new FindEvaluationJob(jobId), EvaluationJobState.class))
                .orElseThrow(() -> new EvaluationJobNotFoundException(jobId));
    }

    public EvaluationSummary summary() {
        return QueryAnswers.answer(queries, new GetEvaluationSummary(), EvaluationSummary.class);
    }
}
