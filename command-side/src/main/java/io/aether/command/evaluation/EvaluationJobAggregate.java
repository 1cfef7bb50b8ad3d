package io.aether.command.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.actor.Actor;
import io.aether.domain.evaluation.EvaluationCompleted;
import io.aether.domain.evaluation.EvaluationEvent;
import io.aether.domain.evaluation.EvaluationFailed;
import io.aether.domain.evaluation.EvaluationJobState;
import io.aether.domain.evaluation.EvaluationRequested;
import io.aether.domain.evaluation.EvaluationStatus;
import io.aether.domain.evaluation.InvalidEvaluationException;
import io.aether.domain.evaluation.RecordEvaluationCompleted;
import io.aether.domain.evaluation.RecordEvaluationFailed;
import io.aether.domain.evaluation.RecordTraceScores;
import io.aether.domain.evaluation.RequestEvaluation;
import io.aether.domain.evaluation.TraceEvaluated;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An evaluation job: requested (running) over a list of traces, each trace's scores recorded once,
 * then completed, or failed with a reason. The scoring is done by {@link EvaluationProcess}; scores
 * of a trace the job does not name, or already has, and outcomes after the first are ignored (a
 * repeat after a crash, or the deadline racing the result).
 */
@Aggregate
public class EvaluationJobAggregate {
    /** The most traces one run takes. */
    public static final int MAX_TRACES = 500;

    @AggregateIdentifier
    private UUID jobId;

    private EvaluationJobState state;

    protected EvaluationJobAggregate() {
        // for Axon
    }

    @CommandHandler
    public EvaluationJobAggregate(RequestEvaluation command, DeadlineManager deadlines, EvaluationDeadlines timing) {
        if (command.jobId() == null || command.traceIds() == null || command.actor() == null) {
            throw new InvalidEvaluationException("an evaluation needs a job id, its traces and an actor");
        }
        if (command.traceIds().size() > MAX_TRACES
                || new HashSet<>(command.traceIds()).size()
                        != command.traceIds().size()) {
            throw new InvalidEvaluationException("an evaluation takes at most " + MAX_TRACES + " distinct traces");
        }
        apply(new EvaluationRequested(command.jobId(), command.traceIds(), command.actor()));
        timing.schedule(deadlines, command.jobId());
    }

    @CommandHandler
    public void handle(RecordTraceScores command) {
        if (state.status() == EvaluationStatus.RUNNING
                && state.traceIds().contains(command.traceId())
                && !state.scored(command.traceId())) {
            apply(new TraceEvaluated(jobId, command.traceId(), command.scores(), Actor.system()));
        }
    }

    @CommandHandler
    public void handle(RecordEvaluationCompleted command, DeadlineManager deadlines, EvaluationDeadlines timing) {
        if (state.status() == EvaluationStatus.RUNNING) {
            apply(new EvaluationCompleted(jobId, state.scores().size(), Actor.system()));
            timing.cancel(deadlines);
        }
    }

    @CommandHandler
    public void handle(RecordEvaluationFailed command, DeadlineManager deadlines, EvaluationDeadlines timing) {
        if (state.status() == EvaluationStatus.RUNNING) {
            apply(new EvaluationFailed(jobId, command.error(), Actor.system()));
            timing.cancel(deadlines);
        }
    }

    @DeadlineHandler(deadlineName = EvaluationDeadlines.DEADLINE)
    void onDeadline(EvaluationDeadlines.Deadline deadline, EvaluationDeadlines timing) {
        if (state.status() == EvaluationStatus.RUNNING) {
            apply(new EvaluationFailed(jobId, timing.reason(), Actor.system()));
        }
    }

    @EventSourcingHandler
    void on(EvaluationEvent event, @Timestamp Instant at) {
        jobId = event.jobId();
        state = EvaluationJobState.apply(state, event, at);
    }
}
