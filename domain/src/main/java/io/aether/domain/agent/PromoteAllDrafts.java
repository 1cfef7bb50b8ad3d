package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Promote whichever drafts exist (config, prompt, both or neither); the answer says which ({@link PromotedDrafts}). */
public record PromoteAllDrafts(
        @TargetAggregateIdentifier String agentName,
        BumpType bumpType,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion)
        implements AgentCommand {
    /** Without a version check. */
    public PromoteAllDrafts(String agentName, BumpType bumpType, Actor actor) {
        this(agentName, bumpType, actor, null);
    }
}
