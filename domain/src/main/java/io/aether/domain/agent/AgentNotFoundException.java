package io.aether.domain.agent;

import io.aether.domain.ErrorKind;

/** No agent with this name exists. */
public class AgentNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public AgentNotFoundException(String name) {
        super("Agent not found: " + name);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
