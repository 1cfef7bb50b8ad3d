package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.domain.optimization.OptimizationJobState;
import io.aether.domain.optimization.OptimizationRequested;
import io.aether.domain.optimization.OptimizationStatus;
import io.aether.domain.optimization.RecordOptimizationCompleted;
import io.aether.domain.optimization.RecordOptimizationFailed;
import io.aether.domain.optimization.Suggestion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * Runs the optimization jobs: the behaviour analysis is the automation-gap analyzer over the
 * switchable entities' history, each gap one suggestion (ids derived from the job id and the
 * place, so a run repeated after a crash suggests the same ids). Acts only while the job runs.
 */
@Component
@ProcessingGroup(OptimizationProcess.PROCESSING_GROUP)
public class OptimizationProcess {
    public static final String PROCESSING_GROUP = "optimization";

    private static final Logger log = LoggerFactory.getLogger(OptimizationProcess.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final HomeAnalyses analyses;
    private final Clock clock = Clock.systemUTC();

    public OptimizationProcess(CommandGateway commands, EventStore eventStore, HomeStates states, HomeHistory history) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.analyses = new HomeAnalyses(states, history);
    }

    @EventHandler
    public void on(OptimizationRequested event) {
        if (!running(event.jobId())) {
            return;
        }
        Object outcome;
        try {
            Map<String, JsonNode> states = analyses.states();
            Instant now = clock.instant();
            HistoryRows.Window window = new HistoryRows.Window(now.minus(Duration.ofHours(event.hours())), now);
            List<AutomationGapAnalysis.Gap> gaps = analyses.gaps(event.entityIds(), event.hours(), now);
            List<Suggestion> suggestions = new ArrayList<>();
            List<String> recommendations = new ArrayList<>();
            for (AutomationGapAnalysis.Gap gap : gaps) {
                String name = HistoryRows.name(states, gap.entityId());
                suggestions.add(suggestion(event.jobId(), suggestions.size(), gap, name, window));
                recommendations.add(
                        "Automate " + name + ": switched " + gap.toState() + " by hand at about " + gap.time() + " ("
                                + gap.zone().getId() + ") on " + gap.days() + " of " + gap.daysObserved() + " days");
            }
            List<String> unknown = event.entityIds().stream()
                    .filter(id -> !states.containsKey(id))
                    .toList();
            if (!unknown.isEmpty()) {
                recommendations.add("Left out entities Home Assistant does not know: " + String.join(", ", unknown));
            }
            if (gaps.isEmpty()) {
                recommendations.add("No manual action repeated at a similar time on " + AutomationGapAnalysis.MIN_DAYS
                        + " or more days in the last " + event.hours() + " h");
            }
            log.info("optimization job {} suggested {} automations", event.jobId(), suggestions.size());
            outcome = new RecordOptimizationCompleted(event.jobId(), suggestions, recommendations);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("optimization job {} failed: {}", event.jobId(), message);
            outcome = new RecordOptimizationFailed(event.jobId(), message);
        }
        commands.sendAndWait(outcome);
    }

    static Suggestion suggestion(
            UUID jobId, int index, AutomationGapAnalysis.Gap gap, String name, HistoryRows.Window window) {
        ObjectNode evidence =
                (ObjectNode) AutomationGapAnalysis.insight(gap, name, window).evidence();
        JsonNode automation = evidence.remove("suggested_automation");
        String domain = gap.entityId().substring(0, gap.entityId().indexOf('.'));
        return new Suggestion(
                UUID.nameUUIDFromBytes((jobId + "/suggestion/" + index).getBytes(StandardCharsets.UTF_8)),
                name + " is switched " + gap.toState() + " by hand at about " + gap.time() + " ("
                        + gap.zone().getId() + "; " + gap.days() + " of " + gap.daysObserved() + " days, spread "
                        + gap.spreadMinutes()
                        + " min)",
                List.of(gap.entityId()),
                "time at " + gap.time() + " (" + gap.zone().getId() + ")",
                domain + "." + gap.service() + " " + gap.entityId(),
                gap.confidence(),
                "automation_gap",
                automation,
                evidence);
    }

    private boolean running(UUID jobId) {
        OptimizationJobState state = null;
        try (Stream<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(jobId.toString(), 0L).asStream()) {
            Iterator<? extends DomainEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                DomainEventMessage<?> event = it.next();
                state = OptimizationJobState.apply(state, event.getPayload(), event.getTimestamp());
            }
        }
        return state != null && state.status() == OptimizationStatus.RUNNING;
    }
}
