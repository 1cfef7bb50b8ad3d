package io.aether.command.insight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.actor.Actor;
import io.aether.domain.insight.schedule.CreateInsightSchedule;
import io.aether.domain.insight.schedule.DeleteInsightSchedule;
import io.aether.domain.insight.schedule.InsightScheduleCreated;
import io.aether.domain.insight.schedule.InsightScheduleDeleted;
import io.aether.domain.insight.schedule.InsightScheduleEvent;
import io.aether.domain.insight.schedule.InsightScheduleNotFoundException;
import io.aether.domain.insight.schedule.InsightScheduleRunStarted;
import io.aether.domain.insight.schedule.InsightScheduleState;
import io.aether.domain.insight.schedule.InsightScheduleUpdated;
import io.aether.domain.insight.schedule.InvalidScheduleException;
import io.aether.domain.insight.schedule.RunInsightSchedule;
import io.aether.domain.insight.schedule.RunTrigger;
import io.aether.domain.insight.schedule.ScheduleRules;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import io.aether.domain.insight.schedule.UpdateInsightSchedule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An insight schedule: settings (checked here before anything is recorded) and its runs. There is
 * no status machine, {@code enabled} is a flag: a disabled schedule is skipped by cron but can
 * still be run by hand (as the original). Deleted is gone for every command (404). The run's
 * outcome is its analysis job's. State is {@link InsightScheduleState}'s fold.
 */
@Aggregate
public class InsightScheduleAggregate {

    @AggregateIdentifier
    private UUID id;

    private InsightScheduleState state;

    protected InsightScheduleAggregate() {
        // for Axon
    }

    @CommandHandler
    public InsightScheduleAggregate(CreateInsightSchedule command) {
        if (command.scheduleId() == null || command.settings() == null) {
            throw InvalidScheduleException.validation("schedule id and settings are required");
        }
        check(command.settings());
        apply(new InsightScheduleCreated(command.scheduleId(), command.settings(), actorOf(command.actor())));
    }

    @CommandHandler
    public void handle(UpdateInsightSchedule command) {
        checkExists(command.scheduleId());
        if (command.changes() == null || command.changes().isEmpty()) {
            throw InvalidScheduleException.badRequest("No fields to update");
        }
        ScheduleSettings updated = command.changes().applyTo(state.settings());
        check(updated);
        if (!updated.equals(state.settings())) {
            apply(new InsightScheduleUpdated(id, updated, actorOf(command.actor())));
        }
    }

    @CommandHandler
    public void handle(DeleteInsightSchedule command) {
        checkExists(command.scheduleId());
        apply(new InsightScheduleDeleted(id, actorOf(command.actor())));
    }

    /** The settings the run uses, or null when a cron or webhook run meets a disabled schedule (nothing recorded). */
    @CommandHandler
    public ScheduleSettings handle(RunInsightSchedule command) {
        checkExists(command.scheduleId());
        if (command.jobId() == null || command.trigger() == null) {
            throw InvalidScheduleException.validation("a run needs a job id and a trigger");
        }
        ScheduleSettings settings = state.settings();
        if (command.trigger() != RunTrigger.MANUAL && !settings.enabled()) {
            return null;
        }
        if (!settings.analysisType().built()) {
            throw InvalidScheduleException.validation("analysis type '"
                    + settings.analysisType().wire() + "' is not built yet; available: device_health");
        }
        apply(new InsightScheduleRunStarted(id, command.jobId(), command.trigger(), actorOf(command.actor())));
        return settings;
    }

    @EventSourcingHandler
    void on(InsightScheduleEvent event, @Timestamp Instant at) {
        id = event.scheduleId();
        state = InsightScheduleState.apply(state, event, at);
    }

    private static void check(ScheduleSettings settings) {
        List<String> problems = ScheduleRules.problems(settings);
        if (!problems.isEmpty()) {
            throw InvalidScheduleException.validation(String.join("; ", problems));
        }
        String missing = ScheduleRules.missingTriggerSetting(settings);
        if (missing != null) {
            throw InvalidScheduleException.badRequest(missing);
        }
        if (settings.triggerType() == ScheduleTrigger.CRON) {
            ScheduleCron.parse(settings.cronExpression());
        }
    }

    /** A stream of another aggregate under this id leaves no state: not found either. */
    private void checkExists(UUID requested) {
        if (state == null || state.deleted()) {
            throw new InsightScheduleNotFoundException(requested);
        }
    }

    private static Actor actorOf(Actor actor) {
        if (actor == null) {
            throw InvalidScheduleException.validation("the command has no actor");
        }
        return actor;
    }
}
