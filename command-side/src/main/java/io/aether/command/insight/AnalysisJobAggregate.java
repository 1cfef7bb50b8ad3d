package io.aether.command.insight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.actor.Actor;
import io.aether.domain.insight.AnalysisCompleted;
import io.aether.domain.insight.AnalysisEvent;
import io.aether.domain.insight.AnalysisFailed;
import io.aether.domain.insight.AnalysisJobState;
import io.aether.domain.insight.AnalysisNoted;
import io.aether.domain.insight.AnalysisRequested;
import io.aether.domain.insight.AnalysisStatus;
import io.aether.domain.insight.InvalidInsightException;
import io.aether.domain.insight.RecordAnalysisCompleted;
import io.aether.domain.insight.RecordAnalysisFailed;
import io.aether.domain.insight.RequestAnalysis;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An analysis job: requested (running), then completed with the insights it recorded or failed
 * with a reason. The work itself is done by {@link InsightAnalysisProcess}; the first outcome
 * wins and later ones are ignored (a repeat after a crash, or the deadline racing the result).
 */
@Aggregate
public class AnalysisJobAggregate {

    @AggregateIdentifier
    private UUID jobId;

    private AnalysisJobState state;

    protected AnalysisJobAggregate() {
        // for Axon
    }

    @CommandHandler
    public AnalysisJobAggregate(RequestAnalysis command, DeadlineManager deadlines, AnalysisDeadlines timing) {
        if (command.jobId() == null || command.type() == null || command.actor() == null) {
            throw new InvalidInsightException("an analysis needs a job id, a type and an actor");
        }
        if (!command.type().built()) {
            throw new InvalidInsightException(
                    "analysis type '" + command.type().wire() + "' is not built yet;" + " available: device_health");
        }
        apply(new AnalysisRequested(
                command.jobId(),
                command.type(),
                command.entityIds(),
                command.hours(),
                command.options(),
                command.actor()));
        timing.schedule(deadlines, command.jobId());
    }

    @CommandHandler
    public void handle(RecordAnalysisCompleted command, DeadlineManager deadlines, AnalysisDeadlines timing) {
        if (state.status() == AnalysisStatus.RUNNING) {
            if (command.note() != null && !command.note().isBlank()) {
                apply(new AnalysisNoted(jobId, command.note(), Actor.system()));
            }
            apply(new AnalysisCompleted(jobId, command.insightIds(), Actor.system()));
            timing.cancel(deadlines);
        }
    }

    @CommandHandler
    public void handle(RecordAnalysisFailed command, DeadlineManager deadlines, AnalysisDeadlines timing) {
        if (state.status() == AnalysisStatus.RUNNING) {
            apply(new AnalysisFailed(jobId, command.error(), Actor.system()));
            timing.cancel(deadlines);
        }
    }

    @DeadlineHandler(deadlineName = AnalysisDeadlines.DEADLINE)
    void onDeadline(AnalysisDeadlines.Deadline deadline, AnalysisDeadlines timing) {
        if (state.status() == AnalysisStatus.RUNNING) {
            apply(new AnalysisFailed(jobId, timing.reason(), Actor.system()));
        }
    }

    @EventSourcingHandler
    void on(AnalysisEvent event, @Timestamp Instant at) {
        jobId = event.jobId();
        state = AnalysisJobState.apply(state, event, at);
    }
}
