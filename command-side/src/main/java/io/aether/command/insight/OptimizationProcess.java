package io.aether.command.insight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.CreateInsight;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.optimization.OptimizationAnalysisType;
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
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Runs the optimization jobs: the behaviour analysis (and automation-gap detection) is the
 * automation-gap analyzer over the switchable entities' history, each gap one suggestion;
 * correlation discovery suggests state-triggered automations; device health, cost optimization
 * (the energy analysis) and the automation review record insights. Suggestion and insight ids
 * derive from the job id and the place, so a run repeated after a crash records the same ones.
 * Runs on the {@link AnalysisRunner}, and acts only while the job runs.
 */
@Component
@ProcessingGroup(OptimizationProcess.PROCESSING_GROUP)
public class OptimizationProcess {
    public static final String PROCESSING_GROUP = "optimization";

    private static final Logger log = LoggerFactory.getLogger(OptimizationProcess.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final HomeAnalyses analyses;
    private final AnalysisRunner runner;
    private final Clock clock = Clock.systemUTC();

    public OptimizationProcess(
            CommandGateway commands,
            EventStore eventStore,
            HomeStates states,
            HomeHistory history,
            AnalysisRunner runner) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.analyses = new HomeAnalyses(states, history);
        this.runner = runner;
    }

    @EventHandler
    public void on(OptimizationRequested event, EventMessage<OptimizationRequested> message) {
        if (!running(event.jobId())) {
            return;
        }
        if (!runner.submit(message, () -> runJob(event))) {
            commands.sendAndWait(new RecordOptimizationFailed(event.jobId(), runner.busy()));
        }
    }

    private void runJob(OptimizationRequested event) {
        if (!running(event.jobId())) {
            return;
        }
        Object outcome;
        try {
            outcome = run(event);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("optimization job {} failed: {}", event.jobId(), message);
            outcome = new RecordOptimizationFailed(event.jobId(), message);
        }
        commands.sendAndWait(outcome);
    }

    private RecordOptimizationCompleted run(OptimizationRequested event) {
        Map<String, JsonNode> states = analyses.states();
        Instant now = clock.instant();
        HistoryRows.Window window = new HistoryRows.Window(now.minus(Duration.ofHours(event.hours())), now);
        Set<OptimizationAnalysisType> types = EnumSet.copyOf(event.analysisTypes());
        List<Suggestion> suggestions = new ArrayList<>();
        List<String> recommendations = new ArrayList<>();
        List<InsightContent> findings = new ArrayList<>();
        List<String> unknown =
                event.entityIds().stream().filter(id -> !states.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            recommendations.add("Left out entities Home Assistant does not know: " + String.join(", ", unknown));
        }
        if (types.contains(OptimizationAnalysisType.BEHAVIOR_ANALYSIS)
                || types.contains(OptimizationAnalysisType.AUTOMATION_GAP_DETECTION)) {
            List<AutomationGapAnalysis.Gap> gaps = analyses.gaps(event.entityIds(), event.hours(), now);
            for (AutomationGapAnalysis.Gap gap : gaps) {
                String name = HistoryRows.name(states, gap.entityId());
                suggestions.add(suggestion(event.jobId(), suggestions.size(), gap, name, window));
                recommendations.add(
                        "Automate " + name + ": switched " + gap.toState() + " by hand at about " + gap.time() + " ("
                                + gap.zone().getId() + ") on " + gap.days() + " of " + gap.daysObserved() + " days");
            }
            if (gaps.isEmpty()) {
                recommendations.add("No manual action repeated at a similar time on " + AutomationGapAnalysis.MIN_DAYS
                        + " or more days in the last " + event.hours() + " h");
            }
        }
        if (types.contains(OptimizationAnalysisType.CORRELATION_DISCOVERY)) {
            List<CorrelationAnalysis.Link> links = analyses.links(event.entityIds(), event.hours(), now);
            for (CorrelationAnalysis.Link link : links) {
                String cause = HistoryRows.name(states, link.triggerEntity());
                String effect = HistoryRows.name(states, link.entityId());
                suggestions.add(suggestion(event.jobId(), suggestions.size(), link, cause, effect, window));
                recommendations.add("Automate " + effect + ": switched " + link.toState() + " by hand after " + cause
                        + " turned " + link.triggerState() + " (" + link.followed() + " times on " + link.days()
                        + " days)");
            }
            if (links.isEmpty()) {
                recommendations.add("No manual action followed another entity's change within "
                        + CorrelationAnalysis.LAG_SECONDS / 60 + " minutes on " + CorrelationAnalysis.MIN_DAYS
                        + " or more days in the last " + event.hours() + " h");
            }
        }
        JsonNode noOptions = HistoryRows.JSON.objectNode();
        if (types.contains(OptimizationAnalysisType.DEVICE_HEALTH)) {
            findings.addAll(analysed(AnalysisType.DEVICE_HEALTH, event, noOptions, now, recommendations));
        }
        if (types.contains(OptimizationAnalysisType.COST_OPTIMIZATION)) {
            findings.addAll(analysed(AnalysisType.ENERGY, event, noOptions, now, recommendations));
        }
        if (types.contains(OptimizationAnalysisType.AUTOMATION_ANALYSIS)) {
            List<InsightContent> automations = AutomationUsageAnalysis.run(states.values(), event.entityIds(), window);
            findings.addAll(automations);
            if (automations.isEmpty()) {
                recommendations.add("Every automation is on and ran in the last " + event.hours() + " h");
            }
        }
        List<UUID> insightIds = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            UUID id = insightId(event.jobId(), i);
            JobInsights.record(commands, new CreateInsight(id, findings.get(i), Actor.system()));
            insightIds.add(id);
            recommendations.add(findings.get(i).title());
        }
        log.info(
                "optimization job {} suggested {} automations and recorded {} insights",
                event.jobId(),
                suggestions.size(),
                findings.size());
        return new RecordOptimizationCompleted(event.jobId(), suggestions, recommendations, insightIds);
    }

    /** One analysis's insights; what the analysis says about itself becomes a recommendation. */
    private List<InsightContent> analysed(
            AnalysisType type, OptimizationRequested event, JsonNode options, Instant now, List<String> notes) {
        HomeAnalyses.Outcome outcome = analyses.run(type, event.entityIds(), event.hours(), options, now);
        if (outcome.note() != null) {
            notes.add(type.wire() + ": " + outcome.note());
        }
        return outcome.insights();
    }

    /** The id of the job's {@code index}-th insight: the same on every run of the job. */
    static UUID insightId(UUID jobId, int index) {
        return UUID.nameUUIDFromBytes((jobId + "/insight/" + index).getBytes(StandardCharsets.UTF_8));
    }

    static Suggestion suggestion(
            UUID jobId,
            int index,
            CorrelationAnalysis.Link link,
            String cause,
            String effect,
            HistoryRows.Window window) {
        return new Suggestion(
                suggestionId(jobId, index),
                effect + " is switched " + link.toState() + " by hand " + link.medianLagSeconds() + " s (median) after "
                        + cause + " turns " + link.triggerState() + " (" + link.followed() + " of " + link.effects()
                        + " times, " + link.days() + " days)",
                List.of(link.triggerEntity(), link.entityId()),
                link.trigger(),
                link.entityId().substring(0, link.entityId().indexOf('.')) + "." + link.service() + " "
                        + link.entityId(),
                link.confidence(),
                "correlation",
                link.automation(cause, effect),
                link.evidence(window));
    }

    private static UUID suggestionId(UUID jobId, int index) {
        return UUID.nameUUIDFromBytes((jobId + "/suggestion/" + index).getBytes(StandardCharsets.UTF_8));
    }

    static Suggestion suggestion(
            UUID jobId, int index, AutomationGapAnalysis.Gap gap, String name, HistoryRows.Window window) {
        ObjectNode evidence =
                (ObjectNode) AutomationGapAnalysis.insight(gap, name, window).evidence();
        JsonNode automation = evidence.remove("suggested_automation");
        String domain = gap.entityId().substring(0, gap.entityId().indexOf('.'));
        return new Suggestion(
                suggestionId(jobId, index),
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
