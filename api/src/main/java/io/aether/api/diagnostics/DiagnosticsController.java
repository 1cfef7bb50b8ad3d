package io.aether.api.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.homeassistant.HomeAssistantZones;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.homeassistant.HomeAssistantClient;
import io.aether.homeassistant.HomeAssistantException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Home Assistant's health as HA itself reports it (docs/homeassistant.md, "Diagnostics"), read live
 * over REST from the default zone or the one named by {@code zone_id}: unavailable and unknown
 * entities and integrations whose config entry is not loaded ({@code /ha-health}), the log file
 * parsed into entries and known problems ({@code /error-log}), and HA's own configuration check
 * ({@code /config-check}). HA unreachable or failing is a 502 envelope with HA's message.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/diagnostics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Diagnostics")
public class DiagnosticsController {
    /** Config entry states that mean the integration is not working (HA's ConfigEntryState). */
    static final Set<String> UNHEALTHY_STATES =
            Set.of("setup_error", "setup_retry", "migration_error", "failed_unload", "not_loaded");

    private final HomeAssistantConnection connection;
    private final HomeAssistantZones zones;

    DiagnosticsController(HomeAssistantConnection connection, HomeAssistantZones zones) {
        this.connection = connection;
        this.zones = zones;
    }

    @Schema(name = "UnavailableEntity")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnavailableEntity(String entityId, String domain, String name, String state, String lastChanged) {}

    @Schema(name = "UnhealthyIntegration")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnhealthyIntegration(String entryId, String domain, String title, String state, String reason) {}

    @Schema(name = "HaHealthResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HaHealth(
            @Schema(
                    description = "healthy, or degraded when an entity is unavailable/unknown or an integration is"
                            + " not loaded")
            String status,

            UUID zoneId,
            int entitiesTotal,
            int unavailableCount,
            int unknownCount,

            @Schema(description = "Unavailable and unknown entities per domain")
            Map<String, Integer> byDomain,

            @Schema(description = "Unavailable and unknown entities in entity_id order, at most limit")
            List<UnavailableEntity> unavailableEntities,

            int integrationsTotal,
            List<UnhealthyIntegration> unhealthyIntegrations,
            Instant checkedAt) {}

    @Schema(name = "ErrorLogEntry")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LogEntry(
            String timestamp,
            String level,
            String thread,
            String logger,

            @Schema(description = "The integration (homeassistant.components.<x> or custom_components.<x>), else null")
            String integration,

            String message,

            @Schema(description = "The lines after the entry that do not start one (a traceback), else null")
            String traceback) {}

    @Schema(name = "ErrorLogPattern")
    public record KnownPattern(
            String pattern,
            String description,
            String suggestion,
            int count,
            List<String> integrations,
            String sample) {}

    @Schema(name = "ErrorLogSummary")
    public record LogSummary(
            int totalEntries,
            Map<String, Integer> byLevel,

            @Schema(description = "Entries per integration (or logger when not an integration)")
            Map<String, Integer> byIntegration,

            int unparsedLines) {}

    @Schema(name = "ErrorLogResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErrorLog(
            UUID zoneId,
            LogSummary summary,

            @Schema(description = "The newest entries (of level and above), oldest first, at most limit")
            List<LogEntry> entries,

            List<KnownPattern> knownPatterns,
            Instant fetchedAt) {}

    @Schema(name = "ConfigCheckResponse")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConfigCheck(
            UUID zoneId,

            @Schema(description = "HA's result: valid or invalid")
            String result,

            boolean valid,

            @Schema(description = "HA's error text, null when valid")
            String errors,

            @Schema(description = "HA's warning text, null when none")
            String warnings,

            Instant checkedAt) {}

    @GetMapping("/ha-health")
    @Operation(summary = "Unavailable/unknown entities and integrations that are not loaded, live from HA")
    public HaHealth haHealth(
            @RequestParam(name = "zone_id", required = false) UUID zoneId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        HomeAssistantClient client = client(zoneId);
        List<JsonNode> states = call(client, HomeAssistantClient::getStates);
        List<JsonNode> entries = call(client, HomeAssistantClient::configEntries);
        List<UnavailableEntity> bad = new ArrayList<>();
        Map<String, Integer> byDomain = new TreeMap<>();
        int unavailable = 0;
        int unknown = 0;
        for (JsonNode state : states) {
            String value = state.path("state").asText("");
            if (!value.equals("unavailable") && !value.equals("unknown")) {
                continue;
            }
            String entityId = state.path("entity_id").asText("");
            // Scenes and buttons are "unknown" until first used: that is not a fault.
            String domain = entityId.contains(".") ? entityId.substring(0, entityId.indexOf('.')) : entityId;
            if (value.equals("unknown")
                    && Set.of("scene", "button", "event", "input_button").contains(domain)) {
                continue;
            }
            if (value.equals("unavailable")) {
                unavailable++;
            } else {
                unknown++;
            }
            byDomain.merge(domain, 1, Integer::sum);
            bad.add(new UnavailableEntity(
                    entityId,
                    domain,
                    state.path("attributes").path("friendly_name").asText(entityId),
                    value,
                    state.path("last_changed").asText(null)));
        }
        bad.sort(Comparator.comparing(UnavailableEntity::entityId));
        List<UnhealthyIntegration> unhealthy = new ArrayList<>();
        for (JsonNode entry : entries) {
            String state = entry.path("state").asText("");
            boolean disabled = !entry.path("disabled_by").isNull()
                    && !entry.path("disabled_by").isMissingNode();
            if (UNHEALTHY_STATES.contains(state) && !disabled) {
                unhealthy.add(new UnhealthyIntegration(
                        entry.path("entry_id").asText(null),
                        entry.path("domain").asText(null),
                        entry.path("title").asText(null),
                        state,
                        entry.path("reason").isTextual() ? entry.path("reason").asText() : null));
            }
        }
        boolean healthy = bad.isEmpty() && unhealthy.isEmpty();
        return new HaHealth(
                healthy ? "healthy" : "degraded",
                zoneId,
                states.size(),
                unavailable,
                unknown,
                byDomain,
                bad.size() > limit ? bad.subList(0, limit) : bad,
                entries.size(),
                unhealthy,
                Instant.now());
    }

    @GetMapping("/error-log")
    @Operation(
            summary = "HA's error log (GET /api/error_log) parsed into entries, counts by level and integration,"
                    + " and known problem patterns")
    public ErrorLog errorLog(
            @RequestParam(name = "zone_id", required = false) UUID zoneId,
            @RequestParam(defaultValue = "WARNING")
                    @Pattern(
                            regexp = "DEBUG|INFO|WARNING|ERROR|CRITICAL",
                            message = "level must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
                    String level,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        String log = call(client(zoneId), HomeAssistantClient::errorLog);
        ErrorLogParser.Parsed parsed = ErrorLogParser.parse(log);
        List<String> levels = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
        int min = levels.indexOf(level);
        List<LogEntry> shown = parsed.entries().stream()
                .filter(e -> levels.indexOf(e.level()) >= min)
                .map(e -> new LogEntry(
                        e.timestamp(), e.level(), e.thread(), e.logger(), e.integration(), e.message(), e.traceback()))
                .toList();
        if (shown.size() > limit) {
            shown = shown.subList(shown.size() - limit, shown.size());
        }
        return new ErrorLog(
                zoneId,
                new LogSummary(
                        parsed.entries().size(), parsed.byLevel(), parsed.byIntegration(), parsed.unparsedLines()),
                shown,
                parsed.knownPatterns().stream()
                        .map(m -> new KnownPattern(
                                m.id(), m.description(), m.suggestion(), m.count(), m.integrations(), m.sample()))
                        .toList(),
                Instant.now());
    }

    @GetMapping("/config-check")
    @Operation(summary = "HA's own configuration check (POST /api/config/core/check_config)")
    public ConfigCheck configCheck(@RequestParam(name = "zone_id", required = false) UUID zoneId) {
        JsonNode result = call(client(zoneId), HomeAssistantClient::checkConfig);
        String verdict = result.path("result").asText("invalid");
        return new ConfigCheck(
                zoneId,
                verdict,
                verdict.equals("valid"),
                text(result.get("errors")),
                text(result.get("warnings")),
                Instant.now());
    }

    /** The default zone's client, or that of the zone asked for (404 when there is no such zone). */
    private HomeAssistantClient client(UUID zoneId) {
        if (zoneId == null) {
            return connection.client();
        }
        HomeAssistantZones.Zone zone = zones.find(zoneId)
                .orElseThrow(() -> new ApiException(ErrorKind.NOT_FOUND, "Zone not found: " + zoneId));
        return connection.clientFor(zone.activeUrl(), zones.token(zone));
    }

    private static <T> T call(HomeAssistantClient client, Function<HomeAssistantClient, T> call) {
        try {
            return call.apply(client);
        } catch (HomeAssistantException e) {
            throw new ApiException(ErrorKind.UPSTREAM, "home_assistant_error", "Home Assistant: " + e.getMessage());
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
