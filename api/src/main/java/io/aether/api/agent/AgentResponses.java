package io.aether.api.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentVersion;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.VersionStatus;
import io.aether.domain.agent.query.AgentHistoryEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the agent endpoints, in the original contract's shapes (snake_case on the wire). */
public final class AgentResponses {
    private AgentResponses() {}

    /** The original's AgentResponse. {@code version} is the agent's own version label (0.1.0). */
    @Schema(name = "AgentResponse")
    public record Agent(
            UUID id,
            String name,
            String description,
            String version,
            AgentStatus status,
            String domain,
            @JsonProperty("is_routable") boolean isRoutable,
            List<String> intentPatterns,
            List<String> capabilities,
            UUID activeConfigVersionId,
            UUID activePromptVersionId,
            ConfigVersion activeConfig,
            PromptVersion activePrompt,
            Instant createdAt,
            Instant updatedAt) {

        static Agent of(AgentView a) {
            return new Agent(
                    a.agentId(),
                    a.name(),
                    a.profile().description(),
                    a.semver(),
                    a.status(),
                    a.profile().domain(),
                    a.profile().routable(),
                    a.profile().intentPatterns(),
                    a.profile().capabilities(),
                    a.activeConfig() == null ? null : a.activeConfig().id(),
                    a.activePrompt() == null ? null : a.activePrompt().id(),
                    a.activeConfig() == null ? null : ConfigVersion.of(a.agentId(), a.activeConfig()),
                    a.activePrompt() == null ? null : PromptVersion.of(a.agentId(), a.activePrompt()),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    /** The original's ConfigVersionResponse plus {@code tool_groups_enabled} (the original dropped it). */
    @Schema(name = "ConfigVersionResponse")
    public record ConfigVersion(
            UUID id,
            UUID agentId,
            int versionNumber,
            String version,
            VersionStatus status,
            String modelName,
            Double temperature,
            String fallbackModel,
            List<String> toolsEnabled,
            List<String> toolGroupsEnabled,
            String changeSummary,
            Instant promotedAt,
            Instant createdAt,
            Instant updatedAt) {

        static ConfigVersion of(UUID agentId, AgentVersion<ConfigContent> v) {
            ConfigContent c = v.content();
            return new ConfigVersion(
                    v.id(),
                    agentId,
                    v.number(),
                    v.semver(),
                    v.status(),
                    c.modelName(),
                    c.temperature(),
                    c.fallbackModel(),
                    c.toolsEnabled(),
                    c.toolGroupsEnabled(),
                    v.changeSummary(),
                    v.promotedAt(),
                    v.createdAt(),
                    v.updatedAt());
        }
    }

    /** The original's PromptVersionResponse. */
    @Schema(name = "PromptVersionResponse")
    public record PromptVersion(
            UUID id,
            UUID agentId,
            int versionNumber,
            String version,
            VersionStatus status,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String promptTemplate,

            String changeSummary,
            Instant promotedAt,
            Instant createdAt,
            Instant updatedAt) {

        static PromptVersion of(UUID agentId, AgentVersion<PromptContent> v) {
            return new PromptVersion(
                    v.id(),
                    agentId,
                    v.number(),
                    v.semver(),
                    v.status(),
                    v.content().promptTemplate(),
                    v.changeSummary(),
                    v.promotedAt(),
                    v.createdAt(),
                    v.updatedAt());
        }
    }

    /** The original's AgentListResponse plus the paging fields of the proposal list. */
    @Schema(name = "AgentListResponse")
    public record AgentList(List<Agent> agents, long total, int limit, int offset, String nextAfter) {}

    @Schema(name = "AvailableAgentResponse")
    public record AvailableAgent(
            String name,
            String description,
            String domain,
            @JsonProperty("is_routable") boolean isRoutable,
            List<String> intentPatterns,
            List<String> capabilities) {
        static AvailableAgent of(AgentView a) {
            return new AvailableAgent(
                    a.name(),
                    a.profile().description(),
                    a.profile().domain(),
                    a.profile().routable(),
                    a.profile().intentPatterns(),
                    a.profile().capabilities());
        }
    }

    @Schema(name = "AvailableAgentsListResponse")
    public record AvailableAgentList(List<AvailableAgent> agents, long total) {}

    @Schema(name = "PromoteBothResponse")
    public record PromoteBoth(ConfigVersion config, PromptVersion prompt, String message) {}

    /** POST /agents/seed: how many agents, configs and prompts this call created (0 on a second call). */
    @Schema(name = "AgentSeedResponse")
    public record Seeded(int agentsSeeded, int configsCreated, int promptsCreated) {}

    /** GET /agents/{name}/history: a page of the agent's events in order, and how many there are. */
    @Schema(name = "AgentHistoryResponse")
    public record History(String agentName, List<AgentHistoryEntry> events, long total, int limit, int offset) {}
}
