package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create agent {@code agentName} as a copy of {@code clonedFrom}: its profile, and its active config
 * and prompt as drafts (null when the source had none active).
 */
public record CreateAgentClone(
        @TargetAggregateIdentifier String agentName,
        UUID agentId,
        String clonedFrom,
        AgentProfile profile,
        UUID configVersionId,
        ConfigContent config,
        UUID promptVersionId,
        PromptContent prompt,
        Actor actor)
        implements AgentCommand {}
