package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An agent was created as a copy of {@code clonedFrom} (status enabled); the source's active config
 * and prompt follow as drafts ({@link AgentConfigDraftCreated}, {@link AgentPromptDraftCreated}).
 */
@Revision("1")
public record AgentCloned(String agentName, UUID agentId, String clonedFrom, AgentProfile profile, Actor actor)
        implements AgentEvent {}
