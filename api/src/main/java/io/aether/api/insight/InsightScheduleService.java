package io.aether.api.insight;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.insight.RequestAnalysis;
import io.aether.domain.insight.schedule.CreateInsightSchedule;
import io.aether.domain.insight.schedule.DeleteInsightSchedule;
import io.aether.domain.insight.schedule.InsightScheduleNotFoundException;
import io.aether.domain.insight.schedule.RunInsightSchedule;
import io.aether.domain.insight.schedule.RunTrigger;
import io.aether.domain.insight.schedule.ScheduleChanges;
import io.aether.domain.insight.schedule.ScheduleSettings;
import io.aether.domain.insight.schedule.ScheduleTrigger;
import io.aether.domain.insight.schedule.UpdateInsightSchedule;
import io.aether.domain.insight.schedule.query.FindInsightSchedule;
import io.aether.domain.insight.schedule.query.InsightScheduleList;
import io.aether.domain.insight.schedule.query.InsightScheduleView;
import io.aether.domain.insight.schedule.query.ListInsightSchedules;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends insight-schedule commands and queries; a run is recorded on the schedule, then started as a job. */
@Service
public class InsightScheduleService {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public InsightScheduleService(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public InsightScheduleList list(ScheduleTrigger trigger, boolean enabledOnly, int limit, int offset) {
        return QueryAnswers.answer(
                queries, new ListInsightSchedules(trigger, enabledOnly, limit, offset), InsightScheduleList.class);
    }

    public InsightScheduleView get(UUID id) {
        return Optional.ofNullable(QueryAnswers.answer(queries, new FindInsightSchedule(id), InsightScheduleView.class))
                .orElseThrow(() -> new InsightScheduleNotFoundException(id));
    }

    public InsightScheduleView create(ScheduleSettings settings, Actor actor) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateInsightSchedule(id, settings, actor));
        return get(id);
    }

    public InsightScheduleView update(UUID id, ScheduleChanges changes, Actor actor) {
        commands.sendAndWait(new UpdateInsightSchedule(id, changes, actor));
        return get(id);
    }

    public void delete(UUID id, Actor actor) {
        commands.sendAndWait(new DeleteInsightSchedule(id, actor));
    }

    /**
     * Records the run on the schedule (which answers the settings to run with), then requests the
     * analysis under the run's job id. The job id is empty when a cron run met a schedule disabled
     * meanwhile (nothing recorded, nothing started).
     */
    public Optional<UUID> run(UUID id, RunTrigger trigger, Actor actor) {
        UUID jobId = UUID.randomUUID();
        ScheduleSettings settings = commands.sendAndWait(new RunInsightSchedule(id, jobId, trigger, actor));
        if (settings == null) {
            return Optional.empty();
        }
        commands.sendAndWait(new RequestAnalysis(
                jobId,
                settings.analysisType(),
                settings.entityIds() == null ? List.of() : settings.entityIds(),
                settings.hours(),
                settings.options(),
                actor));
        return Optional.of(jobId);
    }
}
