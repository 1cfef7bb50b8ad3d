package io.aether.api.mirror;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Home Assistant's entities, devices and areas as mirrored in PostgreSQL (docs/homeassistant.md,
 * "Mirrors"): answered from the mirror tables, never by asking HA, except {@code POST
 * /entities/sync}. Lists page by limit/offset in id order, as the original's contract does.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class MirrorController {
    private final MirrorStore store;
    private final HomeAssistantMirror mirror;

    public MirrorController(MirrorStore store, HomeAssistantMirror mirror) {
        this.store = store;
        this.mirror = mirror;
    }

    /** The original's EntitySyncRequest; every sync is a full one, so force changes nothing. */
    public record SyncRequest(Boolean force) {}

    @Tag(name = "Entities")
    @GetMapping("/entities")
    @Operation(summary = "List mirrored entities in entity_id order (filters domain, area_id, state)")
    public MirrorResponses.Entities entities(
            @RequestParam(required = false)
                    @Pattern(regexp = "[a-z0-9_]{1,64}", message = "domain must match [a-z0-9_]{1,64}")
                    String domain,
            @RequestParam(name = "area_id", required = false) @Size(min = 1, max = 255) String areaId,
            @RequestParam(required = false) @Size(min = 1, max = 255) String state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        MirrorStore.Page<MirrorStore.Entity> page = store.entities(domain, areaId, state, limit, offset);
        return new MirrorResponses.Entities(
                page.items().stream().map(MirrorResponses.Entity::of).toList(),
                page.total(),
                domain,
                limit,
                offset,
                lastSync());
    }

    @Tag(name = "Entities")
    @GetMapping("/entities/domains/summary")
    @Operation(summary = "Mirrored entity count per domain")
    public Map<String, Long> domainSummary() {
        return store.domainCounts();
    }

    @Tag(name = "Entities")
    @PostMapping(path = "/entities/sync")
    @Operation(
            summary = "Full sync of entities, devices and areas from Home Assistant (502 with HA's message when it"
                    + " fails); rows HA no longer has are removed")
    public MirrorResponses.Sync sync(@RequestBody(required = false) SyncRequest request) {
        return MirrorResponses.Sync.of(mirror.syncNow());
    }

    /** The original's EntityQueryRequest. */
    @Schema(name = "EntityQueryRequest")
    public record QueryRequest(
            @NotBlank(message = "query must not be blank") @Size(max = 2000)
            String query,

            @Min(1) @Max(100) Integer limit) {}

    @Tag(name = "Entities")
    @PostMapping(path = "/entities/query", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Answer a question such as 'lights on in the kitchen' from the entity mirror, by a"
                    + " deterministic parser over areas, kinds of entity, states and names (no LLM)")
    public MirrorResponses.QueryResult query(@Valid @RequestBody QueryRequest request) {
        EntityQueryParser.Filter filter = EntityQueryParser.parse(request.query(), store.areaNames());
        int limit = request.limit() == null ? 20 : request.limit();
        List<MirrorResponses.Entity> entities = filter.isEmpty()
                ? List.of()
                : store.query(filter, limit).stream()
                        .map(MirrorResponses.Entity::of)
                        .toList();
        return new MirrorResponses.QueryResult(entities, request.query(), filter.describe(), lastSync());
    }

    @Tag(name = "Entities")
    @GetMapping("/entities/{entityId}")
    @Operation(summary = "Get one mirrored entity by HA entity_id")
    public MirrorResponses.Entity entity(@PathVariable String entityId) {
        return store.entity(entityId).map(MirrorResponses.Entity::of).orElseThrow(() -> notFound("Entity", entityId));
    }

    @GetMapping("/devices")
    @Tag(name = "Devices")
    @Operation(summary = "List mirrored devices in HA device id order (filters area_id, manufacturer)")
    public MirrorResponses.Devices devices(
            @RequestParam(name = "area_id", required = false) @Size(min = 1, max = 255) String areaId,
            @RequestParam(required = false) @Size(min = 1, max = 255) String manufacturer,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        MirrorStore.Page<MirrorStore.Device> page = store.devices(areaId, manufacturer, limit, offset);
        return new MirrorResponses.Devices(
                page.items().stream().map(MirrorResponses.Device::of).toList(),
                page.total(),
                limit,
                offset,
                lastSync());
    }

    @GetMapping("/devices/{deviceId}")
    @Tag(name = "Devices")
    @Operation(summary = "Get one mirrored device by HA device id")
    public MirrorResponses.Device device(@PathVariable String deviceId) {
        return store.device(deviceId).map(MirrorResponses.Device::of).orElseThrow(() -> notFound("Device", deviceId));
    }

    @GetMapping("/areas")
    @Tag(name = "Areas")
    @Operation(summary = "List mirrored areas in HA area id order (filter floor_id)")
    public MirrorResponses.Areas areas(
            @RequestParam(name = "floor_id", required = false) @Size(min = 1, max = 255) String floorId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        MirrorStore.Page<MirrorStore.Area> page = store.areas(floorId, limit, offset);
        return new MirrorResponses.Areas(
                page.items().stream().map(MirrorResponses.Area::of).toList(), page.total(), limit, offset, lastSync());
    }

    @GetMapping("/areas/{areaId}")
    @Tag(name = "Areas")
    @Operation(summary = "Get one mirrored area by HA area id")
    public MirrorResponses.Area area(@PathVariable String areaId) {
        return store.area(areaId).map(MirrorResponses.Area::of).orElseThrow(() -> notFound("Area", areaId));
    }

    private Instant lastSync() {
        return store.lastSync().orElse(null);
    }

    private static ApiException notFound(String what, String id) {
        String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
        return new ApiException(ErrorKind.NOT_FOUND, what + " not found: " + shown);
    }
}
