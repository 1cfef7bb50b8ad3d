package io.aether.api.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.api.proposal.ProposalService;
import io.aether.domain.actor.Actor;
import io.aether.domain.eventlog.query.EventLogEntry;
import io.aether.domain.eventlog.query.EventLogFilter;
import io.aether.domain.eventlog.query.EventLogPage;
import io.aether.domain.eventlog.query.FindEvents;
import io.aether.domain.insight.ActOnInsight;
import io.aether.domain.insight.AnalysisJobNotFoundException;
import io.aether.domain.insight.AnalysisJobState;
import io.aether.domain.insight.AnalysisType;
import io.aether.domain.insight.CreateInsight;
import io.aether.domain.insight.IllegalInsightTransitionException;
import io.aether.domain.insight.InsightCommand;
import io.aether.domain.insight.InsightContent;
import io.aether.domain.insight.InsightNotFoundException;
import io.aether.domain.insight.InsightStatus;
import io.aether.domain.insight.InsightType;
import io.aether.domain.insight.RequestAnalysis;
import io.aether.domain.insight.query.FindAnalysisJob;
import io.aether.domain.insight.query.FindInsight;
import io.aether.domain.insight.query.GetInsightSummary;
import io.aether.domain.insight.query.InsightList;
import io.aether.domain.insight.query.InsightSummary;
import io.aether.domain.insight.query.InsightView;
import io.aether.domain.insight.query.ListInsights;
import io.aether.domain.proposal.ProposalContent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends insight commands and queries. */
@Service
public class InsightService {
    /** An insight's whole history fits one page: a handful of events each. */
    static final int HISTORY_LIMIT = 500;

    private static final String AGGREGATE_TYPE = "InsightAggregate";
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProposalService proposals;
    private final SuggestedAutomation suggestions;

    public InsightService(
            CommandGateway commands, QueryGateway queries, ProposalService proposals, SuggestedAutomation suggestions) {
        this.commands = commands;
        this.queries = queries;
        this.proposals = proposals;
        this.suggestions = suggestions;
    }

    public InsightList list(InsightType type, InsightStatus status, int limit, int offset) {
        return query(new ListInsights(type, status, limit, offset), InsightList.class);
    }

    public InsightSummary summary() {
        return query(new GetInsightSummary(), InsightSummary.class);
    }

    public InsightView get(UUID id) {
        return Optional.ofNullable(query(new FindInsight(id), InsightView.class))
                .orElseThrow(() -> new InsightNotFoundException(id));
    }

    public InsightView create(InsightContent content, Actor actor) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateInsight(id, content, actor));
        return get(id);
    }

    /** Sends a review, dismissal or deletion. */
    public void send(InsightCommand command) {
        commands.sendAndWait(command);
    }

    /**
     * Marks the insight acted upon. With {@code createAutomation}, first creates the proposal its
     * evidence suggests (linked to the insight) and records its id on the insight. The two are
     * separate commands: should the insight change in between (dismissed by someone else), the
     * proposal stays, naming its source, and the answer is the 409.
     */
    public InsightView act(UUID id, Actor actor, String label, String actionTaken, boolean createAutomation) {
        UUID proposalId = null;
        if (createAutomation) {
            InsightView insight = get(id);
            if (insight.status().isFinal()) {
                throw new IllegalInsightTransitionException("Cannot create an automation from an insight in status '"
                        + insight.status().wire() + "' (it is final)");
            }
            ProposalContent content = suggestions.of(insight);
            proposalId = proposals.create(content, actor).id();
        }
        commands.sendAndWait(new ActOnInsight(id, actor, label, actionTaken, proposalId));
        return get(id);
    }

    /** Starts an analysis job; the answer is the job as recorded (running). */
    public AnalysisJobState analyze(
            AnalysisType type, List<String> entityIds, int hours, JsonNode options, Actor actor) {
        UUID jobId = UUID.randomUUID();
        commands.sendAndWait(new RequestAnalysis(jobId, type, entityIds, hours, options, actor));
        return job(jobId);
    }

    public AnalysisJobState job(UUID jobId) {
        return Optional.ofNullable(query(new FindAnalysisJob(jobId), AnalysisJobState.class))
                .orElseThrow(() -> new AnalysisJobNotFoundException(jobId));
    }

    /** The insight's events in order, from the audit log (a deleted insight's history too). */
    public List<EventLogEntry> history(UUID id) {
        EventLogFilter filter = new EventLogFilter(AGGREGATE_TYPE, id.toString(), null, null, null, null, null);
        List<EventLogEntry> events = query(new FindEvents(filter, null, null, HISTORY_LIMIT, false), EventLogPage.class)
                .items();
        if (events.isEmpty()) {
            throw new InsightNotFoundException(id);
        }
        return events;
    }

    private <R> R query(Object query, Class<R> type) {
        return QueryAnswers.answer(queries, query, type);
    }
}
