package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the agent's config draft (refused while one exists). */
public record CreateConfigDraft(
        @TargetAggregateIdentifier String agentName,
        UUID versionId,
        ConfigContent content,
        String changeSummary,
        BumpType bumpType,
        Actor actor)
        implements AgentCommand {}
