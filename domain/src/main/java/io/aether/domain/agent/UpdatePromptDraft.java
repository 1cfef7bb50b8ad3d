package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edit the prompt draft: a non-null {@code promptTemplate} or {@code changeSummary} replaces the draft's. */
public record UpdatePromptDraft(
        @TargetAggregateIdentifier String agentName,
        UUID versionId,
        String promptTemplate,
        String changeSummary,
        Actor actor)
        implements AgentCommand {}
