package io.aether.domain.toolgroup;

import java.time.Instant;

/** The one pure fold of tool group events: used by the aggregate and by the current-state query. */
public final class ToolGroupFold {
    private ToolGroupFold() {}

    /** {@code state} is null before the first event; events of other types leave it unchanged. */
    public static ToolGroupState apply(ToolGroupState state, Object event, Instant at) {
        if (event instanceof ToolGroupCreated e) {
            return new ToolGroupState(e.name(), e.content(), at, at, 1);
        }
        if (event instanceof ToolGroupUpdated e && state != null) {
            return new ToolGroupState(state.name(), e.content(), state.createdAt(), at, state.version() + 1);
        }
        return state;
    }
}
