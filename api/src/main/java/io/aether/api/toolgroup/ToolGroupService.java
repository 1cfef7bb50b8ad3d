package io.aether.api.toolgroup;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.toolgroup.CreateToolGroup;
import io.aether.domain.toolgroup.ToolGroupContent;
import io.aether.domain.toolgroup.ToolGroupNotFoundException;
import io.aether.domain.toolgroup.UpdateToolGroup;
import io.aether.domain.toolgroup.query.FindToolGroup;
import io.aether.domain.toolgroup.query.ListToolGroups;
import io.aether.domain.toolgroup.query.ToolGroupList;
import io.aether.domain.toolgroup.query.ToolGroupView;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends tool group commands and queries. */
@Service
public class ToolGroupService {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public ToolGroupService(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public ToolGroupList list(int limit, int offset) {
        return query(new ListToolGroups(limit, offset), ToolGroupList.class);
    }

    /** The group as it is now, if there is one. */
    public Optional<ToolGroupView> find(String name) {
        return Optional.ofNullable(query(new FindToolGroup(name), ToolGroupView.class));
    }

    public ToolGroupView get(String name) {
        return find(name).orElseThrow(() -> new ToolGroupNotFoundException(name));
    }

    public ToolGroupView create(String name, ToolGroupContent content, Actor actor) {
        commands.sendAndWait(new CreateToolGroup(name, content, actor));
        return get(name);
    }

    public ToolGroupView update(UpdateToolGroup command) {
        get(command.name());
        commands.sendAndWait(command);
        return get(command.name());
    }

    private <R> R query(Object query, Class<R> type) {
        return QueryAnswers.answer(queries, query, type);
    }
}
