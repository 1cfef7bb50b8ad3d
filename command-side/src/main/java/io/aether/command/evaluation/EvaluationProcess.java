package io.aether.command.evaluation;

import io.aether.domain.evaluation.EvaluationJobState;
import io.aether.domain.evaluation.EvaluationRequested;
import io.aether.domain.evaluation.EvaluationStatus;
import io.aether.domain.evaluation.RecordEvaluationCompleted;
import io.aether.domain.evaluation.RecordEvaluationFailed;
import io.aether.domain.evaluation.RecordTraceScores;
import io.aether.domain.evaluation.Scorer;
import io.aether.domain.evaluation.TraceSpan;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the evaluation jobs: reads each trace's stored spans through {@link TraceSpans}, runs every
 * {@link Scorer} on them and records the trace's scores, then the job's completion. Crash safety:
 * it acts only while the job is running and skips the traces the job already has scores for, so a
 * run repeated after a crash records each trace once.
 */
@Component
@ProcessingGroup(EvaluationProcess.PROCESSING_GROUP)
public class EvaluationProcess {
    public static final String PROCESSING_GROUP = "trace-evaluation";

    private static final Logger log = LoggerFactory.getLogger(EvaluationProcess.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final TraceSpans traces;

    public EvaluationProcess(CommandGateway commands, EventStore eventStore, TraceSpans traces) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.traces = traces;
    }

    @EventHandler
    public void on(EvaluationRequested event) {
        EvaluationJobState state = state(event.jobId());
        if (state == null || state.status() != EvaluationStatus.RUNNING) {
            log.debug("evaluation job {} already has its outcome; skipping", event.jobId());
            return;
        }
        Object outcome;
        try {
            for (String traceId : event.traceIds()) {
                if (!state.scored(traceId)) {
                    List<TraceSpan> spans = traces.spans(traceId);
                    commands.sendAndWait(new RecordTraceScores(event.jobId(), traceId, Scorer.scoreAll(spans)));
                }
            }
            log.info(
                    "evaluation job {} scored {} traces",
                    event.jobId(),
                    event.traceIds().size());
            outcome = new RecordEvaluationCompleted(event.jobId());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("evaluation job {} failed: {}", event.jobId(), message);
            outcome = new RecordEvaluationFailed(event.jobId(), message);
        }
        commands.sendAndWait(outcome);
    }

    private EvaluationJobState state(UUID jobId) {
        EvaluationJobState state = null;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(jobId.toString(), 0L).asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                state = EvaluationJobState.apply(state, event.getPayload(), event.getTimestamp());
            }
        }
        return state;
    }
}
