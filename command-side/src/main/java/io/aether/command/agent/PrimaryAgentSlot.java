package io.aether.command.agent;

import java.util.Optional;

/**
 * Who was made primary last: the one place that serializes "make this agent primary" across
 * requests and nodes. {@link #lock} is called first in the command's transaction and holds until
 * it ends, so two such commands never run at the same time; the holder it answers may meanwhile
 * have been disabled or enabled, which {@link AgentAggregate#demoteFromPrimary} tolerates.
 */
public interface PrimaryAgentSlot {
    /** Locks the slot for the current transaction and answers the agent named in it, if any. */
    Optional<String> lock();

    /** Names the new primary agent (within the transaction holding the lock). */
    void hold(String agentName);
}
