package io.aether.api.zone;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Home Assistant instances ("zones") Aether talks to; the default one serves every call. */
@RestController
@RequestMapping("/api/v1/zones")
@Tag(name = "HA Zones")
public class ZoneController {
    private final ZoneService zones;

    public ZoneController(ZoneService zones) {
        this.zones = zones;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List zones, the default first (tokens are never returned)")
    public List<ZoneResponses.Zone> list() {
        return zones.list().stream().map(ZoneResponses.Zone::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a zone after checking that its Home Assistant answers (needs a session)")
    public ResponseEntity<ZoneResponses.Zone> create(
            @Valid @RequestBody ZoneRequests.Create body, HttpServletRequest request) {
        ZoneResponses.Zone zone = ZoneResponses.Zone.of(zones.create(body, request));
        return ResponseEntity.created(URI.create("/api/v1/zones/" + zone.id())).body(zone);
    }

    @PatchMapping(
            path = "/{zoneId}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the fields given; a new token or URL is checked first (needs a session)")
    public ZoneResponses.Zone update(
            @PathVariable UUID zoneId, @Valid @RequestBody ZoneRequests.Update body, HttpServletRequest request) {
        return ZoneResponses.Zone.of(zones.update(zoneId, body, request));
    }

    @DeleteMapping("/{zoneId}")
    @Operation(summary = "Delete a zone; not the default one, nor the last (needs a session)")
    public ResponseEntity<Void> delete(@PathVariable UUID zoneId, HttpServletRequest request) {
        zones.delete(zoneId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{zoneId}/set-default", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Make this zone the one every Home Assistant call uses (needs a session)")
    public ZoneResponses.Zone setDefault(@PathVariable UUID zoneId, HttpServletRequest request) {
        return ZoneResponses.Zone.of(zones.setDefault(zoneId, request));
    }

    @PostMapping(path = "/{zoneId}/test", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Try the zone's local and remote URLs with its token; report each and HA's version")
    public ZoneResponses.TestResult test(@PathVariable UUID zoneId) {
        return zones.test(zoneId);
    }
}
