package io.aether.domain.agent;

import io.aether.domain.actor.Actor;

/** Every command of the Agent aggregate names its agent and its principal, so callers send them typed. */
public interface AgentCommand {
    String agentName();

    Actor actor();
}
