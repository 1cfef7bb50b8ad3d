package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The prompt was rolled back by replay: version {@code number}, found by folding the agent's
 * events, is active again with the content it had ({@code content}); the version that was active
 * ({@code fromVersionId}, {@code fromNumber}) is archived. History is not changed.
 */
@Revision("1")
public record AgentPromptRolledBack(
        String agentName,
        UUID versionId,
        int number,
        String semver,
        PromptContent content,
        UUID fromVersionId,
        int fromNumber,
        Actor actor)
        implements AgentEvent {
    @Override
    public String reason() {
        return "rolled back from version " + fromNumber + " to version " + number;
    }
}
