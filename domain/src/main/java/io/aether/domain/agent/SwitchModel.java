package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Quick model switch: a config draft copied from the active config with {@code modelName}, promoted
 * at once (patch bump), in one command. Refused while a config draft exists.
 */
public record SwitchModel(@TargetAggregateIdentifier String agentName, UUID versionId, String modelName, Actor actor)
        implements AgentCommand {}
