package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** A Home Assistant operation whose intent is recorded and whose outcome is not yet. */
public record PendingOperation(
        UUID operationId, Kind kind, JsonNode config, RollbackAction rollbackAction, int targetVersion) {

    public enum Kind {
        DEPLOYMENT,
        ROLLBACK
    }

    public static PendingOperation deployment(UUID id, JsonNode config) {
        return new PendingOperation(id, Kind.DEPLOYMENT, config, null, 0);
    }

    public static PendingOperation rollback(UUID id, RollbackAction action, JsonNode config, int targetVersion) {
        return new PendingOperation(id, Kind.ROLLBACK, config, action, targetVersion);
    }
}
