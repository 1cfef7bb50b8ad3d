package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import org.axonframework.serialization.Revision;

/**
 * The agent's status changed. {@code reason} says why when the change was a consequence, such as
 * a primary agent demoted to enabled because another one became primary.
 */
@Revision("1")
public record AgentStatusChanged(String agentName, AgentStatus from, AgentStatus to, Actor actor, String reason)
        implements AgentEvent {}
