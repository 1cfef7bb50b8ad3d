package io.aether.api.agent;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.agent.AgentCommand;
import io.aether.domain.agent.AgentNotFoundException;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.CloneNames;
import io.aether.domain.agent.CreateAgentClone;
import io.aether.domain.agent.RegisterAgent;
import io.aether.domain.agent.VersionKind;
import io.aether.domain.agent.query.AgentHistory;
import io.aether.domain.agent.query.AgentPage;
import io.aether.domain.agent.query.AgentVersions;
import io.aether.domain.agent.query.FindAgentVersions;
import io.aether.domain.agent.query.FindAgents;
import io.aether.domain.agent.query.GetAgent;
import io.aether.domain.agent.query.GetAgentHistory;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Sends agent commands and queries; picks clone names and seeds the default agents. */
@Service
public class AgentService {
    /** Clone names tried when another request takes the chosen one at the same moment. */
    private static final int CLONE_ATTEMPTS = 5;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AgentSeed seed;

    public AgentService(CommandGateway commands, QueryGateway queries, AgentSeed seed) {
        this.commands = commands;
        this.queries = queries;
        this.seed = seed;
    }

    /** Sends a command and answers its result (the now-current version or agent). */
    public <R> R send(AgentCommand command) {
        return commands.sendAndWait(command);
    }

    public AgentView get(String name) {
        return query(GetAgent.current(name), AgentView.class);
    }

    public AgentView getAt(String name, Instant at) {
        return query(new GetAgent(name, at), AgentView.class);
    }

    public AgentPage list(int limit, int offset, String after, boolean availableOnly) {
        return query(new FindAgents(limit, offset, after, availableOnly), AgentPage.class);
    }

    public AgentVersions versions(String name, VersionKind kind, int limit, int offset) {
        return query(new FindAgentVersions(name, kind, limit, offset), AgentVersions.class);
    }

    public AgentHistory history(String name, int limit, int offset) {
        return query(new GetAgentHistory(name, limit, offset), AgentHistory.class);
    }

    /** The agent's UUID (the versions' {@code agent_id}). */
    public UUID agentId(String name) {
        return get(name).agentId();
    }

    /**
     * Clones {@code source} under the first free name of {@code <name>_copy}, {@code _copy2}, ...;
     * its active config and prompt become the clone's drafts. A name taken by a concurrent clone
     * (the append collides) is skipped and the next one tried.
     */
    public AgentView cloneAgent(String source, Actor actor) {
        AgentView from = get(source);
        for (int attempt = 0; attempt < CLONE_ATTEMPTS; attempt++) {
            String name = CloneNames.firstFree(source, this::exists);
            try {
                send(new CreateAgentClone(
                        name,
                        UUID.randomUUID(),
                        source,
                        from.profile(),
                        UUID.randomUUID(),
                        from.activeConfig() == null ? null : from.activeConfig().content(),
                        UUID.randomUUID(),
                        from.activePrompt() == null ? null : from.activePrompt().content(),
                        actor));
                return get(name);
            } catch (RuntimeException e) {
                if (!nameTaken(e)) {
                    throw e;
                }
            }
        }
        throw new ConcurrencyException("Could not find a free name for a clone of '" + source + "'; try again");
    }

    /** Registers the default agents that do not exist yet; a second call registers none. */
    public AgentResponses.Seeded seed(Actor actor) {
        int created = 0;
        for (AgentSeed.Definition d : seed.definitions()) {
            if (exists(d.name())) {
                continue;
            }
            try {
                send(new RegisterAgent(
                        d.name(),
                        UUID.randomUUID(),
                        d.profile(),
                        UUID.randomUUID(),
                        d.config(),
                        UUID.randomUUID(),
                        d.prompt(),
                        actor));
                created++;
            } catch (RuntimeException e) {
                if (!nameTaken(e)) {
                    throw e;
                }
                // another seed request registered it first
            }
        }
        return new AgentResponses.Seeded(created, created, created);
    }

    /** The append of a new agent collided with another request's agent of the same name. */
    private static boolean nameTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AggregateStreamCreationException || t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private boolean exists(String name) {
        try {
            get(name);
            return true;
        } catch (AgentNotFoundException e) {
            return false;
        }
    }

    private <R> R query(Object query, Class<R> type) {
        return QueryAnswers.answer(queries, query, type);
    }
}
