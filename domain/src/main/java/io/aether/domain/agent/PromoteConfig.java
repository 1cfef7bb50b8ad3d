package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make the config draft active; {@code bumpType} null: the draft's own, else patch. */
public record PromoteConfig(
        @TargetAggregateIdentifier String agentName,
        UUID versionId,
        BumpType bumpType,
        Actor actor,
        @TargetAggregateVersion Long expectedVersion)
        implements AgentCommand {
    /** Without a version check. */
    public PromoteConfig(String agentName, UUID versionId, BumpType bumpType, Actor actor) {
        this(agentName, versionId, bumpType, actor, null);
    }
}
