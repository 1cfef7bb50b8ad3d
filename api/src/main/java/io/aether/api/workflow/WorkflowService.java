package io.aether.api.workflow;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.workflow.ArchiveWorkflowDefinition;
import io.aether.domain.workflow.CreateWorkflowDefinition;
import io.aether.domain.workflow.WorkflowDefinitionContent;
import io.aether.domain.workflow.WorkflowDefinitionNotFoundException;
import io.aether.domain.workflow.query.FindWorkflowDefinition;
import io.aether.domain.workflow.query.ListWorkflowDefinitions;
import io.aether.domain.workflow.query.WorkflowDefinitionList;
import io.aether.domain.workflow.query.WorkflowDefinitionView;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends workflow definition commands and queries. */
@Service
public class WorkflowService {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public WorkflowService(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public WorkflowDefinitionList list(int limit, int offset) {
        return QueryAnswers.answer(queries, new ListWorkflowDefinitions(limit, offset), WorkflowDefinitionList.class);
    }

    /** By the path's text: anything that is not a UUID names no definition. */
    public WorkflowDefinitionView get(String id) {
        UUID uuid = parse(id);
        WorkflowDefinitionView view = uuid == null
                ? null
                : QueryAnswers.answer(queries, new FindWorkflowDefinition(uuid), WorkflowDefinitionView.class);
        if (view == null) {
            throw new WorkflowDefinitionNotFoundException(id);
        }
        return view;
    }

    public WorkflowDefinitionView create(WorkflowDefinitionContent content, Actor actor) {
        CreateWorkflowDefinition command = CreateWorkflowDefinition.of(content, actor);
        commands.sendAndWait(command);
        return get(command.id().toString());
    }

    public WorkflowDefinitionView archive(String id, Actor actor) {
        WorkflowDefinitionView view = get(id);
        commands.sendAndWait(new ArchiveWorkflowDefinition(view.id(), actor));
        return get(id);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
