package io.aether.api.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Response bodies of the registry reads, in the original's shapes. Additions: {@code limit},
 * {@code offset} and {@code last_synced_at} (the last registry sync, null before the first) on the
 * lists, {@code services_synced} and {@code synced_at} on the sync.
 */
public final class RegistryResponses {
    private RegistryResponses() {}

    @Schema(name = "RegistrySyncResponse")
    public record Sync(
            int automationsSynced,
            int scriptsSynced,
            int scenesSynced,
            int servicesSynced,
            double durationSeconds,
            Instant syncedAt) {

        static Sync of(RegistryMirror.Result r) {
            return new Sync(
                    r.automations(),
                    r.scripts(),
                    r.scenes(),
                    r.services(),
                    (r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000.0,
                    r.finishedAt());
        }
    }

    @Schema(name = "AutomationResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Automation(
            String id,
            String entityId,
            String haAutomationId,
            String alias,
            @Schema(description = "on, off or unavailable") String state,
            String description,
            String mode,

            @Schema(description = "Distinct trigger types of the stored config; null when HA has no stored config")
            List<String> triggerTypes,

            int triggerCount,
            int actionCount,
            int conditionCount,
            String lastTriggered,
            Instant lastSyncedAt) {

        static Automation of(RegistryStore.Automation a) {
            return new Automation(
                    a.id().toString(),
                    a.entityId(),
                    a.haAutomationId() == null ? a.entityId().substring("automation.".length()) : a.haAutomationId(),
                    a.alias(),
                    a.state(),
                    a.description(),
                    a.mode(),
                    a.triggerTypes(),
                    a.triggerCount(),
                    a.actionCount(),
                    a.conditionCount(),
                    a.lastTriggered(),
                    a.lastSyncedAt());
        }
    }

    @Schema(name = "AutomationListResponse")
    public record Automations(
            List<Automation> automations,
            long total,
            long enabledCount,
            long disabledCount,
            int limit,
            int offset,
            Instant lastSyncedAt) {}

    @Schema(name = "ScriptResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Script(
            String id,
            String entityId,
            String alias,

            @Schema(description = "on while running, else off")
            String state,

            String description,
            String mode,
            String icon,
            String lastTriggered,

            @Schema(description = "The script's steps from HA's config API (null when HA has no stored config)")
            JsonNode sequence,

            @Schema(type = "object", description = "The script's input fields (null when none)")
            JsonNode fields,

            Instant lastSyncedAt) {

        static Script of(RegistryStore.Script s) {
            return new Script(
                    s.id().toString(),
                    s.entityId(),
                    s.alias(),
                    s.state(),
                    s.description(),
                    s.mode(),
                    s.icon(),
                    s.lastTriggered(),
                    s.sequence(),
                    s.fields(),
                    s.lastSyncedAt());
        }
    }

    @Schema(name = "ScriptListResponse")
    public record Scripts(
            List<Script> scripts, long total, long runningCount, int limit, int offset, Instant lastSyncedAt) {}

    @Schema(name = "SceneResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Scene(
            String id,
            String entityId,
            String name,
            String icon,

            @Schema(type = "object", description = "entity_id -> the state the scene sets (HA's config API)")
            JsonNode entityStates,

            Instant lastSyncedAt) {

        static Scene of(RegistryStore.Scene s) {
            return new Scene(s.id().toString(), s.entityId(), s.name(), s.icon(), s.entityStates(), s.lastSyncedAt());
        }
    }

    @Schema(name = "SceneListResponse")
    public record Scenes(List<Scene> scenes, long total, int limit, int offset, Instant lastSyncedAt) {}

    @Schema(name = "ServiceResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Service(
            String id,
            String domain,
            String service,
            String name,
            String description,
            @Schema(type = "object") JsonNode fields,
            @Schema(type = "object") JsonNode target,
            boolean isSeeded,

            @Schema(description = "The sync that saw it in HA; null for a seeded service HA has not reported")
            Instant lastSyncedAt) {

        static Service of(RegistryStore.Service s) {
            return new Service(
                    s.id().toString(),
                    s.domain(),
                    s.service(),
                    s.name(),
                    s.description(),
                    s.fields(),
                    s.target(),
                    s.isSeeded(),
                    s.lastSyncedAt());
        }
    }

    @Schema(name = "ServiceListResponse")
    public record Services(
            List<Service> services,
            long total,
            List<String> domains,
            long seededCount,
            long discoveredCount,
            int limit,
            int offset,
            Instant lastSyncedAt) {}

    @Schema(name = "HelperResponse")
    public record Helper(String entityId, String domain, String name, String state, JsonNode attributes) {}

    @Schema(name = "HelperListResponse")
    public record Helpers(List<Helper> helpers, long total, Map<String, Long> byType, int limit, int offset) {}

    @Schema(name = "HARegistrySummary")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Summary(
            long automationsCount,
            long automationsEnabled,
            long scriptsCount,
            long scenesCount,
            long servicesCount,
            long servicesSeeded,

            @Schema(description = "Helper entities in the entity mirror")
            long helpersCount,

            Instant lastSyncedAt,

            @Schema(description = "Registry data Aether cannot read from HA; empty (configs come from HA's config API)")
            List<String> mcpGaps) {}
}
