package io.aether.api.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.homeassistant.HomeAssistantException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's reads (docs/homeassistant.md, "Registry mirror"): automations, scripts, scenes and
 * services answered from the registry mirror tables, filled by {@code POST /registry/sync}; the
 * automation config and the helper list are read live from HA. Lists page by limit/offset in
 * entity_id (services: domain, service) order and say when the registry was last synced.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/registry", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "HA Registry")
public class RegistryReadController {
    private static final String STATE = "[a-z_]{1,32}";
    private final RegistryStore store;
    private final RegistryMirror mirror;

    RegistryReadController(RegistryStore store, RegistryMirror mirror) {
        this.store = store;
        this.mirror = mirror;
    }

    @PostMapping("/sync")
    @Operation(
            summary = "Sync automations, scripts, scenes and services from Home Assistant into the registry mirror"
                    + " (502 with HA's message when HA fails)")
    public RegistryResponses.Sync sync() {
        return RegistryResponses.Sync.of(homeAssistant(mirror::sync));
    }

    @GetMapping("/automations")
    @Operation(summary = "List mirrored automations in entity_id order (filter state: on/off)")
    public RegistryResponses.Automations automations(
            @RequestParam(required = false) @Pattern(regexp = STATE, message = "state must match " + STATE)
                    String state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        RegistryStore.Page<RegistryStore.Automation> page = store.automations(state, limit, offset);
        long[] counts = store.automationCounts();
        return new RegistryResponses.Automations(
                page.items().stream().map(RegistryResponses.Automation::of).toList(),
                page.total(),
                counts[0],
                counts[1],
                limit,
                offset,
                lastSync());
    }

    @GetMapping("/automations/{automationId}")
    @Operation(summary = "Get one mirrored automation by Aether id, HA automation id or entity_id")
    public RegistryResponses.Automation automation(@PathVariable String automationId) {
        return store.automation(automationId)
                .map(RegistryResponses.Automation::of)
                .orElseThrow(() -> notFound("Automation", automationId));
    }

    @GetMapping("/automations/{automationId}/config")
    @Operation(
            summary = "The automation's stored config, read live from HA's config API (Aether id, HA automation id"
                    + " or entity_id); 404 when HA has none")
    public JsonNode automationConfig(@PathVariable String automationId) {
        String configId = store.automation(automationId)
                .map(a -> a.haAutomationId())
                .orElse(automationId.startsWith("automation.") ? null : automationId);
        if (configId == null) {
            throw notFound("Automation", automationId);
        }
        ObjectNode config = homeAssistant(() -> mirror.automationConfig(configId))
                .orElseThrow(() -> notFound("Automation config", automationId));
        return config;
    }

    @GetMapping("/scripts")
    @Operation(summary = "List mirrored scripts in entity_id order (filter state: on = running, off = idle)")
    public RegistryResponses.Scripts scripts(
            @RequestParam(required = false) @Pattern(regexp = STATE, message = "state must match " + STATE)
                    String state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        RegistryStore.Page<RegistryStore.Script> page = store.scripts(state, limit, offset);
        return new RegistryResponses.Scripts(
                page.items().stream().map(RegistryResponses.Script::of).toList(),
                page.total(),
                store.runningScripts(),
                limit,
                offset,
                lastSync());
    }

    @GetMapping("/scripts/{scriptId}")
    @Operation(summary = "Get one mirrored script by Aether id or entity_id (script. may be left out)")
    public RegistryResponses.Script script(@PathVariable String scriptId) {
        return store.script(scriptId).map(RegistryResponses.Script::of).orElseThrow(() -> notFound("Script", scriptId));
    }

    @GetMapping("/scenes")
    @Operation(summary = "List mirrored scenes in entity_id order")
    public RegistryResponses.Scenes scenes(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        RegistryStore.Page<RegistryStore.Scene> page = store.scenes(limit, offset);
        return new RegistryResponses.Scenes(
                page.items().stream().map(RegistryResponses.Scene::of).toList(),
                page.total(),
                limit,
                offset,
                lastSync());
    }

    @GetMapping("/scenes/{sceneId}")
    @Operation(summary = "Get one mirrored scene by Aether id or entity_id (scene. may be left out)")
    public RegistryResponses.Scene scene(@PathVariable String sceneId) {
        return store.scene(sceneId).map(RegistryResponses.Scene::of).orElseThrow(() -> notFound("Scene", sceneId));
    }

    @GetMapping("/services")
    @Operation(summary = "List mirrored and seeded services in domain, service order (filter domain)")
    public RegistryResponses.Services services(
            @RequestParam(required = false)
                    @Pattern(regexp = "[a-z0-9_]{1,64}", message = "domain must match [a-z0-9_]{1,64}")
                    String domain,
            @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        RegistryStore.Page<RegistryStore.Service> page = store.services(domain, limit, offset);
        RegistryStore.ServiceCounts counts = store.serviceCounts(domain);
        return new RegistryResponses.Services(
                page.items().stream().map(RegistryResponses.Service::of).toList(),
                page.total(),
                counts.domains(),
                counts.seeded(),
                counts.discovered(),
                limit,
                offset,
                lastSync());
    }

    @GetMapping("/services/{serviceId}")
    @Operation(summary = "Get one service by Aether id or domain.service")
    public RegistryResponses.Service service(@PathVariable String serviceId) {
        return store.service(serviceId)
                .map(RegistryResponses.Service::of)
                .orElseThrow(() -> notFound("Service", serviceId));
    }

    @PostMapping("/services/seed")
    @Operation(
            summary = "Seed common services (light.turn_on ...) the registry does not have yet; a service HA"
                    + " reports is never replaced")
    public Map<String, Integer> seedServices() {
        List<RegistryStore.Service> common = mirror.commonServices();
        int added = store.seed(common);
        return Map.of("seeded", added, "skipped", common.size() - added, "total", common.size());
    }

    @GetMapping("/helpers")
    @Operation(summary = "List helper entities (input_*, counter, timer) live from Home Assistant")
    public RegistryResponses.Helpers helpers(
            @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        JsonNode states = homeAssistant(mirror::liveStates);
        List<RegistryResponses.Helper> all = new ArrayList<>();
        Map<String, Long> byType = new TreeMap<>();
        for (JsonNode state : states) {
            String entityId = state.path("entity_id").asText("");
            int dot = entityId.indexOf('.');
            String domain = dot < 0 ? "" : entityId.substring(0, dot);
            if (!RegistryWriteController.HELPER_TYPES.contains(domain)) {
                continue;
            }
            JsonNode attributes = state.path("attributes");
            all.add(new RegistryResponses.Helper(
                    entityId,
                    domain,
                    attributes.path("friendly_name").asText(entityId),
                    state.path("state").asText(""),
                    attributes.isObject() ? attributes : null));
            byType.merge(domain, 1L, Long::sum);
        }
        all.sort((a, b) -> a.entityId().compareTo(b.entityId()));
        List<RegistryResponses.Helper> page =
                offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
        return new RegistryResponses.Helpers(page, all.size(), byType, limit, offset);
    }

    @GetMapping("/summary")
    @Operation(summary = "Counts of the registry mirror (automations, scripts, scenes, services, helpers)")
    public RegistryResponses.Summary summary() {
        RegistryStore.Summary s = store.summary(RegistryWriteController.HELPER_TYPES);
        return new RegistryResponses.Summary(
                s.automations(),
                s.automationsEnabled(),
                s.scripts(),
                s.scenes(),
                s.services(),
                s.servicesSeeded(),
                s.helpers(),
                s.lastSyncedAt(),
                List.of());
    }

    private Instant lastSync() {
        return store.lastSync().orElse(null);
    }

    /** An HA call; HA failing is 502 (422 when it refused) with its message, never the token. */
    private static <T> T homeAssistant(Supplier<T> call) {
        try {
            return call.get();
        } catch (HomeAssistantException e) {
            throw RegistryWriteController.homeAssistantFailure(e);
        }
    }

    private static ApiException notFound(String what, String id) {
        String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
        return new ApiException(ErrorKind.NOT_FOUND, what + " not found: " + shown);
    }
}
