package io.aether.api.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.agent.AgentService;
import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.agent.AgentNotFoundException;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.feedback.DeleteFlowGrade;
import io.aether.domain.feedback.FlowGradeNotFoundException;
import io.aether.domain.feedback.RateModel;
import io.aether.domain.feedback.SubmitFlowGrade;
import io.aether.domain.feedback.query.ConversationGrades;
import io.aether.domain.feedback.query.FindFlowGrades;
import io.aether.domain.feedback.query.FindModelRating;
import io.aether.domain.feedback.query.FlowGradeView;
import io.aether.domain.feedback.query.ListModelRatings;
import io.aether.domain.feedback.query.ModelRatingList;
import io.aether.domain.feedback.query.ModelRatingSummaries;
import io.aether.domain.feedback.query.ModelRatingView;
import io.aether.domain.feedback.query.SummarizeModelRatings;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends rating and grade commands and reads their read models. */
@Service
public class FeedbackService {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AgentService agents;
    private final ObjectMapper mapper;

    public FeedbackService(CommandGateway commands, QueryGateway queries, AgentService agents, ObjectMapper mapper) {
        this.commands = commands;
        this.queries = queries;
        this.agents = agents;
        this.mapper = mapper;
    }

    public ModelRatingList ratings(String modelName, String agentRole, int limit, int offset) {
        return QueryAnswers.answer(
                queries,
                new ListModelRatings(blankToNull(modelName), blankToNull(agentRole), limit, offset),
                ModelRatingList.class);
    }

    public ModelRatingSummaries summaries(String agentRole) {
        return QueryAnswers.answer(
                queries, new SummarizeModelRatings(blankToNull(agentRole)), ModelRatingSummaries.class);
    }

    public ModelRatingView rate(FeedbackRequests.Rating body, Actor actor) {
        JsonNode snapshot =
                body.configSnapshot() != null && !body.configSnapshot().isNull()
                        ? body.configSnapshot()
                        : activeConfig(body.agentRole().strip());
        UUID id = UUID.randomUUID();
        commands.sendAndWait(
                new RateModel(id, body.modelName(), body.agentRole(), body.rating(), body.notes(), snapshot, actor));
        return QueryAnswers.answer(queries, new FindModelRating(id), ModelRatingView.class);
    }

    public ConversationGrades grades(String conversationId) {
        return QueryAnswers.answer(queries, new FindFlowGrades(conversationId), ConversationGrades.class);
    }

    public FlowGradeView grade(FeedbackRequests.Grade body, Actor actor) {
        SubmitFlowGrade command = SubmitFlowGrade.of(
                body.conversationId(),
                blankToNull(body.spanId()),
                body.grade(),
                body.comment(),
                blankToNull(body.agentRole()),
                blankToNull(body.traceId()),
                actor);
        commands.sendAndWait(command);
        return grades(command.conversationId()).items().stream()
                .filter(g -> g.id().equals(command.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("grade " + command.id() + " not in the read model"));
    }

    public void deleteGrade(String gradeId, Actor actor) {
        UUID id;
        try {
            id = UUID.fromString(gradeId.strip());
        } catch (IllegalArgumentException e) {
            throw new FlowGradeNotFoundException(gradeId);
        }
        commands.sendAndWait(new DeleteFlowGrade(id, actor));
    }

    /** The agent's active config, when the role names an agent that has one; else null. */
    private JsonNode activeConfig(String agentRole) {
        AgentView agent;
        try {
            agent = agents.get(agentRole);
        } catch (AgentNotFoundException e) {
            return null;
        }
        if (agent == null || agent.activeConfig() == null) {
            return null;
        }
        ConfigContent config = agent.activeConfig().content();
        ObjectNode snapshot = mapper.createObjectNode();
        snapshot.put("config_version", agent.activeConfig().semver());
        snapshot.put("model_name", config.modelName());
        if (config.temperature() != null) {
            snapshot.put("temperature", config.temperature());
        } else {
            snapshot.putNull("temperature");
        }
        snapshot.put("fallback_model", config.fallbackModel());
        snapshot.set("tools_enabled", mapper.valueToTree(config.toolsEnabled()));
        snapshot.set("tool_groups_enabled", mapper.valueToTree(config.toolGroupsEnabled()));
        return snapshot;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
