package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The prompt draft became the active prompt, carrying the whole version (content, semver, bump,
 * summary), so a reader never needs earlier events to know what is active. The version active
 * before ({@code previousVersionId}, null for the first) was archived.
 */
@Revision("1")
public record AgentPromptPromoted(
        String agentName,
        UUID versionId,
        int number,
        String semver,
        BumpType bumpType,
        PromptContent content,
        String changeSummary,
        UUID previousVersionId,
        Actor actor)
        implements AgentEvent {
    @Override
    public String reason() {
        return changeSummary;
    }
}
