package io.aether.domain.agent;

import io.aether.domain.actor.Actor;

/** Every event of the Agent aggregate names its agent and who caused it. */
public sealed interface AgentEvent
        permits AgentRegistered,
                AgentCloned,
                AgentStatusChanged,
                AgentConfigDraftCreated,
                AgentConfigDraftUpdated,
                AgentConfigDraftDiscarded,
                AgentConfigPromoted,
                AgentConfigRolledBack,
                AgentPromptDraftCreated,
                AgentPromptDraftUpdated,
                AgentPromptDraftDiscarded,
                AgentPromptPromoted,
                AgentPromptRolledBack {

    /** The agent's name: the aggregate identifier. */
    String agentName();

    /** Who caused the event: the authenticated principal of the request, or {@code system}. */
    Actor actor();

    /** A name the client gave beside the actor; display only, null when none. */
    default String label() {
        return null;
    }

    /** Why, when the event carries a reason or change summary; null otherwise. */
    default String reason() {
        return null;
    }
}
