package io.aether.api.optimization;

import io.aether.api.insight.SuggestedAutomation;
import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.api.proposal.ProposalService;
import io.aether.domain.actor.Actor;
import io.aether.domain.optimization.AcceptSuggestion;
import io.aether.domain.optimization.OptimizationAnalysisType;
import io.aether.domain.optimization.OptimizationJobNotFoundException;
import io.aether.domain.optimization.OptimizationStatus;
import io.aether.domain.optimization.RejectSuggestion;
import io.aether.domain.optimization.RequestOptimization;
import io.aether.domain.optimization.SuggestionAlreadyDecidedException;
import io.aether.domain.optimization.SuggestionNotFoundException;
import io.aether.domain.optimization.SuggestionStatus;
import io.aether.domain.optimization.query.FindOptimizationJob;
import io.aether.domain.optimization.query.FindSuggestion;
import io.aether.domain.optimization.query.ListOptimizationJobs;
import io.aether.domain.optimization.query.ListSuggestions;
import io.aether.domain.optimization.query.OptimizationJobList;
import io.aether.domain.optimization.query.OptimizationJobView;
import io.aether.domain.optimization.query.SuggestionList;
import io.aether.domain.optimization.query.SuggestionView;
import io.aether.domain.proposal.ProposalContent;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends optimization commands and queries; accepting a suggestion proposes its automation. */
@Service
public class OptimizationService {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProposalService proposals;
    private final SuggestedAutomation automations;

    public OptimizationService(
            CommandGateway commands, QueryGateway queries, ProposalService proposals, SuggestedAutomation automations) {
        this.commands = commands;
        this.queries = queries;
        this.proposals = proposals;
        this.automations = automations;
    }

    public OptimizationJobView start(
            List<OptimizationAnalysisType> types,
            int hours,
            List<String> entityIds,
            List<String> focusAreas,
            Actor actor) {
        UUID jobId = UUID.randomUUID();
        commands.sendAndWait(new RequestOptimization(jobId, types, hours, entityIds, focusAreas, actor));
        return job(jobId.toString());
    }

    /** By the path's text: anything that is not a UUID names no job. */
    public OptimizationJobView job(String id) {
        UUID uuid = uuid(id);
        OptimizationJobView job = uuid == null
                ? null
                : QueryAnswers.answer(queries, new FindOptimizationJob(uuid), OptimizationJobView.class);
        if (job == null) {
            throw new OptimizationJobNotFoundException(id);
        }
        return job;
    }

    public List<OptimizationJobView> jobs(OptimizationStatus status, int limit) {
        return QueryAnswers.answer(queries, new ListOptimizationJobs(status, limit), OptimizationJobList.class)
                .items();
    }

    public SuggestionList suggestions(UUID jobId, SuggestionStatus status) {
        return QueryAnswers.answer(queries, new ListSuggestions(jobId, status), SuggestionList.class);
    }

    public SuggestionView suggestion(String id) {
        UUID uuid = uuid(id);
        SuggestionView view =
                uuid == null ? null : QueryAnswers.answer(queries, new FindSuggestion(uuid), SuggestionView.class);
        if (view == null) {
            throw new SuggestionNotFoundException(id);
        }
        return view;
    }

    /**
     * Creates the proposal the suggestion describes, then records the acceptance with its id. The
     * two are separate commands: should someone decide the suggestion in between, the proposal
     * stays and the answer is the 409.
     */
    public SuggestionView accept(String id, String comment, Actor actor) {
        SuggestionView suggestion = pending(id);
        ProposalContent content = automations.proposal(suggestion.automation(), "the suggestion's automation");
        UUID proposalId = proposals.create(content, actor).id();
        commands.sendAndWait(new AcceptSuggestion(suggestion.jobId(), suggestion.id(), proposalId, comment, actor));
        return suggestion(id);
    }

    public SuggestionView reject(String id, String reason, Actor actor) {
        SuggestionView suggestion = pending(id);
        commands.sendAndWait(new RejectSuggestion(suggestion.jobId(), suggestion.id(), reason, actor));
        return suggestion(id);
    }

    private SuggestionView pending(String id) {
        SuggestionView suggestion = suggestion(id);
        if (suggestion.status() != SuggestionStatus.PENDING) {
            throw new SuggestionAlreadyDecidedException(suggestion.id(), suggestion.status());
        }
        return suggestion;
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
