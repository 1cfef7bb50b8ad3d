package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A prompt draft was created: version {@code number} of the agent's prompt line. */
@Revision("1")
public record AgentPromptDraftCreated(
        String agentName,
        UUID versionId,
        int number,
        PromptContent content,
        String changeSummary,
        BumpType bumpType,
        Actor actor)
        implements AgentEvent {
    @Override
    public String reason() {
        return changeSummary;
    }
}
