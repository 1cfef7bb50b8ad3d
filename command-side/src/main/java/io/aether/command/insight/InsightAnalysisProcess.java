package io.aether.command.insight;

import io.aether.domain.actor.Actor;
import io.aether.domain.insight.AnalysisJobState;
import io.aether.domain.insight.AnalysisRequested;
import io.aether.domain.insight.AnalysisStatus;
import io.aether.domain.insight.CreateInsight;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.RecordAnalysisCompleted;
import io.aether.domain.insight.RecordAnalysisFailed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the analyses the jobs record on the {@link AnalysisRunner} (a bounded executor, off the
 * processor's thread) and records the outcome. Crash safety: it acts only while the job is still running; the insights of
 * a job have ids derived from the job id and their place in the result, so a run repeated after a
 * crash meets the insights it already recorded instead of recording them twice.
 */
@Component
@ProcessingGroup(InsightAnalysisProcess.PROCESSING_GROUP)
public class InsightAnalysisProcess {
    public static final String PROCESSING_GROUP = "insight-analysis";

    private static final Logger log = LoggerFactory.getLogger(InsightAnalysisProcess.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final HomeAnalyses analyses;
    private final AnalysisRunner runner;
    private final Clock clock;

    public InsightAnalysisProcess(
            CommandGateway commands,
            EventStore eventStore,
            HomeStates states,
            HomeHistory history,
            AnalysisRunner runner) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.analyses = new HomeAnalyses(states, history);
        this.runner = runner;
        this.clock = Clock.systemUTC();
    }

    @EventHandler
    public void on(AnalysisRequested event, EventMessage<AnalysisRequested> message) {
        if (!running(event.jobId())) {
            log.debug("analysis job {} already has its outcome; skipping", event.jobId());
            return;
        }
        if (!runner.submit(message, () -> run(event))) {
            commands.sendAndWait(new RecordAnalysisFailed(event.jobId(), runner.busy()));
        }
    }

    private void run(AnalysisRequested event) {
        if (!running(event.jobId())) {
            return;
        }
        Object outcome;
        try {
            HomeAnalyses.Outcome result =
                    analyses.run(event.type(), event.entityIds(), event.hours(), event.options(), clock.instant());
            List<InsightContent> found = result.insights();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                UUID id = insightId(event.jobId(), i);
                JobInsights.record(commands, new CreateInsight(id, found.get(i), Actor.system()));
                ids.add(id);
            }
            log.info(
                    "analysis job {} ({}) recorded {} insights",
                    event.jobId(),
                    event.type().wire(),
                    ids.size());
            outcome = new RecordAnalysisCompleted(event.jobId(), ids, result.note());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("analysis job {} failed: {}", event.jobId(), message);
            outcome = new RecordAnalysisFailed(event.jobId(), message);
        }
        commands.sendAndWait(outcome);
    }

    /** The id of the job's {@code index}-th insight: the same on every run of the job. */
    static UUID insightId(UUID jobId, int index) {
        return UUID.nameUUIDFromBytes((jobId + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    private boolean running(UUID jobId) {
        AnalysisJobState state = null;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(jobId.toString(), 0L).asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                state = AnalysisJobState.apply(state, event.getPayload(), event.getTimestamp());
            }
        }
        return state != null && state.status() == AnalysisStatus.RUNNING;
    }
}
