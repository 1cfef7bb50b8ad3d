package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Promote whichever drafts exist (config, prompt, both or neither); the answer says which ({@link PromotedDrafts}). */
public record PromoteAllDrafts(@TargetAggregateIdentifier String agentName, BumpType bumpType, Actor actor)
        implements AgentCommand {}
