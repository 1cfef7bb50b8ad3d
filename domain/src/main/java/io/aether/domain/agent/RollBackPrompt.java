package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make the prompt active before the current one (or version {@code toVersion}) active again. */
public record RollBackPrompt(@TargetAggregateIdentifier String agentName, Integer toVersion, Actor actor)
        implements AgentCommand {}
