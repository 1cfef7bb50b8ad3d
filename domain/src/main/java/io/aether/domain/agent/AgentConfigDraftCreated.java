package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A config draft was created: version {@code number} of the agent's config line. */
@Revision("1")
public record AgentConfigDraftCreated(
        String agentName,
        UUID versionId,
        int number,
        ConfigContent content,
        String changeSummary,
        BumpType bumpType,
        Actor actor)
        implements AgentEvent {
    @Override
    public String reason() {
        return changeSummary;
    }
}
