package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make the prompt active before the current one (or version {@code toVersion}) active again. */
public record RollBackPrompt(
        @TargetAggregateIdentifier String agentName,
        Integer toVersion,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion)
        implements AgentCommand {
    /** Without a version check. */
    public RollBackPrompt(String agentName, Integer toVersion, Actor actor) {
        this(agentName, toVersion, actor, null);
    }
}
