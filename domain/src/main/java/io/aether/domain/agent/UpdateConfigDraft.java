package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edit the config draft: the non-null fields of {@code patch} and a non-null {@code changeSummary} replace the draft's. */
public record UpdateConfigDraft(
        @TargetAggregateIdentifier String agentName,
        UUID versionId,
        ConfigContent patch,
        String changeSummary,
        Actor actor)
        implements AgentCommand {}
