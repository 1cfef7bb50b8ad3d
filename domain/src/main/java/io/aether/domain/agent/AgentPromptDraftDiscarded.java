package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The prompt draft was deleted; its number is not given again. */
@Revision("1")
public record AgentPromptDraftDiscarded(String agentName, UUID versionId, int number, Actor actor)
        implements AgentEvent {}
