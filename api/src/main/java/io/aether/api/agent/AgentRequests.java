package io.aether.api.agent;

import io.aether.domain.agent.AgentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the agent endpoints (snake_case on the wire), with the original's limits. */
public final class AgentRequests {
    private AgentRequests() {}

    static final String BUMP = "major|minor|patch";
    static final String BUMP_MESSAGE = "must be one of major, minor, patch";

    /** PATCH /agents/{name}. A value other than disabled, enabled, primary is 400. */
    @Schema(name = "AgentStatusUpdate")
    public record StatusUpdate(@NotNull AgentStatus status) {}

    /** PATCH /agents/{name}/model. */
    @Schema(name = "QuickModelSwitch")
    public record ModelSwitch(@NotBlank @Size(max = 100) String modelName) {}

    @Schema(name = "AgentConfigVersionCreate")
    public record ConfigCreate(
            @Size(max = 100) String modelName,
            @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
            @Size(max = 100) String fallbackModel,
            @KnownTools List<String> toolsEnabled,
            @KnownToolGroups List<String> toolGroupsEnabled,
            @Size(max = 2000) String changeSummary,
            @Pattern(regexp = BUMP, message = BUMP_MESSAGE) String bumpType) {}

    @Schema(name = "AgentConfigVersionUpdate")
    public record ConfigUpdate(
            @Size(max = 100) String modelName,
            @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
            @Size(max = 100) String fallbackModel,
            @KnownTools List<String> toolsEnabled,
            @KnownToolGroups List<String> toolGroupsEnabled,
            @Size(max = 2000) String changeSummary) {}

    @Schema(name = "AgentPromptVersionCreate")
    public record PromptCreate(
            @NotNull @Size(min = 1, max = 50_000) String promptTemplate,
            @Size(max = 2000) String changeSummary,
            @Pattern(regexp = BUMP, message = BUMP_MESSAGE) String bumpType) {}

    @Schema(name = "AgentPromptVersionUpdate")
    public record PromptUpdate(
            @Size(min = 1, max = 50_000) String promptTemplate,
            @Size(max = 2000) String changeSummary) {}

    /** POST /agents/{name}/config/rollback and /prompt/rollback (optional body). */
    @Schema(name = "AgentRollbackRequest")
    public record Rollback(@Min(1) Integer toVersion) {}
}
