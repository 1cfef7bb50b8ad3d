package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete the prompt draft (only drafts can be deleted). */
public record DiscardPromptDraft(@TargetAggregateIdentifier String agentName, UUID versionId, Actor actor)
        implements AgentCommand {}
