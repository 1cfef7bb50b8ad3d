package io.aether.domain.agent;

import java.time.Instant;
import java.util.UUID;

/**
 * The one fold of agent events into {@link AgentState}. Used by the aggregate's event sourcing
 * handler (and so by its snapshots), by time travel ({@code ?at=}) and by rollback, which finds
 * the version to restore in the folded active line. Pure: no I/O, no clock.
 */
public final class AgentFold {

    private AgentFold() {}

    /** An event payload with the instant it was recorded. */
    public record TimedEvent(AgentEvent event, Instant timestamp) {}

    /** Folds a whole stream; null when it is empty. */
    public static AgentState fold(Iterable<TimedEvent> events) {
        AgentState state = null;
        for (TimedEvent e : events) {
            state = apply(state, e.event(), e.timestamp());
        }
        return state;
    }

    public static AgentState apply(AgentState s, AgentEvent event, Instant at) {
        if (event instanceof AgentRegistered e) {
            return new AgentState(
                    e.agentName(),
                    e.agentId(),
                    e.profile(),
                    BumpType.FIRST,
                    e.status(),
                    null,
                    1,
                    at,
                    at,
                    VersionLine.empty(),
                    VersionLine.empty());
        }
        if (event instanceof AgentCloned e) {
            return new AgentState(
                    e.agentName(),
                    e.agentId(),
                    e.profile(),
                    BumpType.FIRST,
                    AgentStatus.ENABLED,
                    e.clonedFrom(),
                    1,
                    at,
                    at,
                    VersionLine.empty(),
                    VersionLine.empty());
        }
        if (s == null) {
            throw new IllegalStateException("the first agent event must be AgentRegistered or AgentCloned, was "
                    + event.getClass().getSimpleName());
        }
        AgentState n = s.next(at);
        if (event instanceof AgentStatusChanged e) {
            return n.withStatus(e.to());
        }
        if (event instanceof AgentConfigDraftCreated e) {
            return n.withConfig(n.config()
                    .withDraft(draft(e.versionId(), e.number(), e.content(), e.changeSummary(), e.bumpType(), at)));
        }
        if (event instanceof AgentConfigDraftUpdated e) {
            return n.withConfig(n.config().edited(e.versionId(), e.content(), e.changeSummary(), at));
        }
        if (event instanceof AgentConfigDraftDiscarded e) {
            return n.withConfig(n.config().without(e.versionId()));
        }
        if (event instanceof AgentConfigPromoted e) {
            return n.withConfig(n.config().promoted(e.versionId(), e.semver(), e.bumpType(), at));
        }
        if (event instanceof AgentConfigRolledBack e) {
            return n.withConfig(n.config().rolledBackTo(e.number(), at));
        }
        if (event instanceof AgentPromptDraftCreated e) {
            return n.withPrompt(n.prompt()
                    .withDraft(draft(e.versionId(), e.number(), e.content(), e.changeSummary(), e.bumpType(), at)));
        }
        if (event instanceof AgentPromptDraftUpdated e) {
            return n.withPrompt(n.prompt().edited(e.versionId(), e.content(), e.changeSummary(), at));
        }
        if (event instanceof AgentPromptDraftDiscarded e) {
            return n.withPrompt(n.prompt().without(e.versionId()));
        }
        if (event instanceof AgentPromptPromoted e) {
            return n.withPrompt(n.prompt().promoted(e.versionId(), e.semver(), e.bumpType(), at));
        }
        if (event instanceof AgentPromptRolledBack e) {
            return n.withPrompt(n.prompt().rolledBackTo(e.number(), at));
        }
        throw new IllegalStateException("agent registered twice, or an unknown event: "
                + event.getClass().getSimpleName());
    }

    private static <C> AgentVersion<C> draft(
            UUID id, int number, C content, String summary, BumpType bump, Instant at) {
        return new AgentVersion<>(id, number, null, VersionStatus.DRAFT, content, summary, bump, at, at, null);
    }
}
