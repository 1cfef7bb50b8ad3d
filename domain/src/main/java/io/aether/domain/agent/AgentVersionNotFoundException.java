package io.aether.domain.agent;

import io.aether.domain.ErrorKind;
import java.util.UUID;

/** No config or prompt version with this id belongs to the agent named in the path. */
public class AgentVersionNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public AgentVersionNotFoundException(String agentName, VersionKind kind, UUID versionId) {
        super("Agent '" + agentName + "' has no " + kind.wire() + " version " + versionId);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
