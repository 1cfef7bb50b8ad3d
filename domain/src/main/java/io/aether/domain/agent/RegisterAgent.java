package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register (seed) an agent with its first config and prompt, both promoted at once (version 1,
 * semver 0.1.0). Status is enabled.
 */
public record RegisterAgent(
        @TargetAggregateIdentifier String agentName,
        UUID agentId,
        AgentProfile profile,
        UUID configVersionId,
        ConfigContent config,
        UUID promptVersionId,
        PromptContent prompt,
        Actor actor)
        implements AgentCommand {}
