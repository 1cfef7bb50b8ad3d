package io.aether.api.toolgroup;

import io.aether.domain.toolgroup.ToolGroupNames;
import io.aether.domain.toolgroup.ToolGroupRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the tool group endpoints (the original's ToolGroupCreate and ToolGroupUpdate). */
public final class ToolGroupRequests {
    private ToolGroupRequests() {}

    /** POST /tool-groups. {@code is_read_only} defaults to true, as in the original. */
    @Schema(name = "ToolGroupCreate")
    public record Create(
            @NotNull
            @Size(min = 1, max = ToolGroupNames.MAX_LENGTH)
            @Pattern(regexp = ToolGroupNames.PATTERN, message = "must match " + ToolGroupNames.PATTERN)
            String name,

            @NotBlank @Size(max = ToolGroupRules.MAX_DISPLAY_NAME)
            String displayName,

            @Size(max = ToolGroupRules.MAX_DESCRIPTION) String description,

            @NotEmpty(message = "must list at least one tool") @KnownToolNames
            List<String> toolNames,

            Boolean isReadOnly) {}

    /** PUT /tool-groups/{name}: every field optional; those given replace the group's values. */
    @Schema(name = "ToolGroupUpdate")
    public record Update(
            @Size(min = 1, max = ToolGroupRules.MAX_DISPLAY_NAME)
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String displayName,

            @Size(max = ToolGroupRules.MAX_DESCRIPTION) String description,

            @Size(min = 1, message = "must list at least one tool") @KnownToolNames
            List<String> toolNames,

            Boolean isReadOnly) {}
}
