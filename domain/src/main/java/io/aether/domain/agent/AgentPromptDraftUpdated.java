package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The prompt draft was edited; {@code content} and {@code changeSummary} are the whole draft after the edit. */
@Revision("1")
public record AgentPromptDraftUpdated(
        String agentName, UUID versionId, PromptContent content, String changeSummary, Actor actor)
        implements AgentEvent {
    @Override
    public String reason() {
        return changeSummary;
    }
}
