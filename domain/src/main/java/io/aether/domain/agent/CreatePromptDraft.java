package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the agent's prompt draft (refused while one exists). */
public record CreatePromptDraft(
        @TargetAggregateIdentifier String agentName,
        UUID versionId,
        PromptContent content,
        String changeSummary,
        BumpType bumpType,
        Actor actor)
        implements AgentCommand {}
