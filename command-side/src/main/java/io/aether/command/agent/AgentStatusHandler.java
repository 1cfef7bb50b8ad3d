package io.aether.command.agent;

import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.ChangeAgentStatus;
import io.aether.domain.agent.InvalidAgentCommandException;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Changes an agent's status, keeping at most one agent primary. Making an agent primary touches two
 * aggregates, so it happens in one command, one unit of work and one database transaction:
 * <ol>
 * <li>lock the {@link PrimaryAgentSlot} (a row lock: concurrent "make primary" commands on any node
 *     wait here, one after the other);</li>
 * <li>change the target's status (its own rules; an illegal change fails here and nothing is appended);</li>
 * <li>demote the agent the slot names, if it is another one and still primary, to enabled
 *     ({@code AgentStatusChanged} with the reason, same actor and correlation id);</li>
 * <li>name the target in the slot.</li>
 * </ol>
 * Any failure rolls back all of it. Only this handler makes an agent primary (registration and
 * cloning give enabled), so the slot always names the only agent that can be primary.
 */
@Component
public class AgentStatusHandler {
    private final Repository<AgentAggregate> agents;
    private final PrimaryAgentSlot slot;

    public AgentStatusHandler(Repository<AgentAggregate> agents, PrimaryAgentSlot slot) {
        this.agents = agents;
        this.slot = slot;
    }

    @CommandHandler
    public AgentView handle(ChangeAgentStatus command) {
        if (command.status() == null) {
            throw new InvalidAgentCommandException("status is required");
        }
        String target = command.agentName();
        if (command.status() != AgentStatus.PRIMARY) {
            return agents.load(target, command.expectedVersion())
                    .invoke(a -> a.changeStatus(command.status(), command.actor()));
        }
        Optional<String> holder = slot.lock();
        AgentView view = agents.load(target, command.expectedVersion())
                .invoke(a -> a.changeStatus(AgentStatus.PRIMARY, command.actor()));
        holder.filter(h -> !h.equals(target)).ifPresent(h -> demote(h, target, command));
        slot.hold(target);
        return view;
    }

    private void demote(String holder, String newPrimary, ChangeAgentStatus command) {
        try {
            agents.load(holder).execute(a -> a.demoteFromPrimary(newPrimary, command.actor()));
        } catch (AggregateNotFoundException gone) {
            // The slot named an agent that does not exist (any more): nothing to demote.
        }
    }
}
