package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Change an agent's status. Making one primary demotes the agent that was primary to enabled in
 * the same transaction (handled by the command side's {@code AgentStatusHandler}).
 */
public record ChangeAgentStatus(
        @TargetAggregateIdentifier String agentName,
        AgentStatus status,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion)
        implements AgentCommand {
    /** Without a version check. */
    public ChangeAgentStatus(String agentName, AgentStatus status, Actor actor) {
        this(agentName, status, actor, null);
    }
}
