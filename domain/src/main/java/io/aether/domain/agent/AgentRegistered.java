package io.aether.domain.agent;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An agent was registered (seeded) with its profile and initial status. */
@Revision("1")
public record AgentRegistered(String agentName, UUID agentId, AgentProfile profile, AgentStatus status, Actor actor)
        implements AgentEvent {}
