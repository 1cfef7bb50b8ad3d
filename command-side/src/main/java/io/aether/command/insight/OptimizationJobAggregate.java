package io.aether.command.insight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.actor.Actor;
import io.aether.domain.optimization.AcceptSuggestion;
import io.aether.domain.optimization.InvalidOptimizationException;
import io.aether.domain.optimization.OptimizationAnalysisType;
import io.aether.domain.optimization.OptimizationCompleted;
import io.aether.domain.optimization.OptimizationEvent;
import io.aether.domain.optimization.OptimizationFailed;
import io.aether.domain.optimization.OptimizationJobState;
import io.aether.domain.optimization.OptimizationRequested;
import io.aether.domain.optimization.OptimizationStatus;
import io.aether.domain.optimization.RecordOptimizationCompleted;
import io.aether.domain.optimization.RecordOptimizationFailed;
import io.aether.domain.optimization.RejectSuggestion;
import io.aether.domain.optimization.RequestOptimization;
import io.aether.domain.optimization.SuggestionAccepted;
import io.aether.domain.optimization.SuggestionAlreadyDecidedException;
import io.aether.domain.optimization.SuggestionNotFoundException;
import io.aether.domain.optimization.SuggestionRejected;
import io.aether.domain.optimization.SuggestionStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An optimization job: requested (running), then completed with its suggestions or failed; each
 * suggestion is then accepted (naming the proposal made from it) or rejected, once. The work is
 * done by {@link OptimizationProcess}; the first outcome wins, and the analysis deadline fails a
 * job whose node stopped.
 */
@Aggregate
public class OptimizationJobAggregate {
    static final int MAX_HOURS = 720;

    @AggregateIdentifier
    private UUID jobId;

    private OptimizationJobState state;

    protected OptimizationJobAggregate() {
        // for Axon
    }

    @CommandHandler
    public OptimizationJobAggregate(RequestOptimization command, DeadlineManager deadlines, AnalysisDeadlines timing) {
        if (command.jobId() == null || command.actor() == null) {
            throw new InvalidOptimizationException("an optimization needs a job id and an actor");
        }
        List<OptimizationAnalysisType> types = command.analysisTypes();
        if (types == null || types.isEmpty()) {
            throw new InvalidOptimizationException("analysis_types must name at least one analysis");
        }
        if (command.hours() < 1 || command.hours() > MAX_HOURS) {
            throw new InvalidOptimizationException("hours must be from 1 to " + MAX_HOURS);
        }
        apply(new OptimizationRequested(
                command.jobId(),
                types.stream().distinct().toList(),
                command.hours(),
                command.entityIds(),
                command.focusAreas(),
                command.actor()));
        timing.schedule(deadlines, command.jobId());
    }

    @CommandHandler
    public void handle(RecordOptimizationCompleted command, DeadlineManager deadlines, AnalysisDeadlines timing) {
        if (state.status() == OptimizationStatus.RUNNING) {
            apply(new OptimizationCompleted(
                    jobId,
                    command.suggestions(),
                    command.recommendations(),
                    command.insightIds().size(),
                    command.insightIds(),
                    Actor.system()));
            timing.cancel(deadlines);
        }
    }

    @CommandHandler
    public void handle(RecordOptimizationFailed command, DeadlineManager deadlines, AnalysisDeadlines timing) {
        if (state.status() == OptimizationStatus.RUNNING) {
            apply(new OptimizationFailed(jobId, command.error(), Actor.system()));
            timing.cancel(deadlines);
        }
    }

    @CommandHandler
    public void handle(AcceptSuggestion command) {
        pending(command.suggestionId());
        apply(new SuggestionAccepted(
                jobId, command.suggestionId(), command.proposalId(), command.comment(), command.actor()));
    }

    @CommandHandler
    public void handle(RejectSuggestion command) {
        pending(command.suggestionId());
        apply(new SuggestionRejected(jobId, command.suggestionId(), command.reason(), command.actor()));
    }

    private void pending(UUID suggestionId) {
        SuggestionStatus status = state.suggestions().get(suggestionId);
        if (status == null) {
            throw new SuggestionNotFoundException(String.valueOf(suggestionId));
        }
        if (status != SuggestionStatus.PENDING) {
            throw new SuggestionAlreadyDecidedException(suggestionId, status);
        }
    }

    @DeadlineHandler(deadlineName = AnalysisDeadlines.DEADLINE)
    void onDeadline(AnalysisDeadlines.Deadline deadline, AnalysisDeadlines timing) {
        if (state.status() == OptimizationStatus.RUNNING) {
            apply(new OptimizationFailed(jobId, timing.reason(), Actor.system()));
        }
    }

    @EventSourcingHandler
    void on(OptimizationEvent event, @Timestamp Instant at) {
        jobId = event.jobId();
        state = OptimizationJobState.apply(state, event, at);
    }
}
