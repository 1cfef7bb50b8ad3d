package io.aether.agents.chat;

import java.util.List;
import java.util.Optional;

/** The agents the runtime can run, read fresh on every turn (the api module implements it over the agent read model). */
public interface AgentDirectory {
    /** The agent of this name, enabled or not; empty when there is none. */
    Optional<AgentSetup> find(String name);

    /** Every agent (any order). */
    List<AgentSetup> all();
}
