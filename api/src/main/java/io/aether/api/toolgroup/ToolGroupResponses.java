package io.aether.api.toolgroup;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aether.domain.toolgroup.query.ToolGroupList;
import io.aether.domain.toolgroup.query.ToolGroupView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Response bodies of the tool group endpoints, in the original's shapes. */
public final class ToolGroupResponses {
    private ToolGroupResponses() {}

    /** The original's ToolGroupResponse; {@code id} is the name (a group's identity is its name). */
    @Schema(name = "ToolGroupResponse")
    public record ToolGroup(
            String id,
            String name,
            String displayName,
            String description,
            List<String> toolNames,
            int toolCount,
            @JsonProperty("is_read_only") boolean isReadOnly,
            Instant createdAt,
            Instant updatedAt) {

        static ToolGroup of(ToolGroupView view) {
            return new ToolGroup(
                    view.name(),
                    view.name(),
                    view.content().displayName(),
                    view.content().description(),
                    view.content().toolNames(),
                    view.content().toolNames().size(),
                    view.content().readOnly(),
                    view.createdAt(),
                    view.updatedAt());
        }
    }

    @Schema(name = "ToolGroupListResponse")
    public record ToolGroups(List<ToolGroup> items, long total) {
        static ToolGroups of(ToolGroupList list) {
            return new ToolGroups(list.items().stream().map(ToolGroup::of).toList(), list.total());
        }
    }
}
