package io.aether.api.zone;

import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.homeassistant.HomeAssistantVerification;
import io.aether.api.homeassistant.HomeAssistantZones;
import io.aether.api.platform.error.ApiException;
import io.aether.api.security.AuditTrail;
import io.aether.api.security.SessionRequired;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.security.RecordZoneChange;
import io.aether.domain.security.SecurityPrincipal;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.HomeAssistantUrlPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of zones: URLs pass the same policy as setup, a new zone's Home Assistant answers
 * before it is stored, the default zone and the last zone stay. Changing zones needs a signed-in
 * session (a zone holds a Home Assistant token); each change is recorded on the audit stream.
 */
@Service
public class ZoneService {
    private final HomeAssistantZones zones;
    private final HomeAssistantVerification verification;
    private final HomeAssistantConnection connection;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    public ZoneService(
            HomeAssistantZones zones,
            HomeAssistantVerification verification,
            HomeAssistantConnection connection,
            AuditTrail audit,
            TransactionTemplate transaction) {
        this.zones = zones;
        this.verification = verification;
        this.connection = connection;
        this.audit = audit;
        this.transaction = transaction;
    }

    public List<HomeAssistantZones.Zone> list() {
        return zones.list();
    }

    public HomeAssistantZones.Zone create(ZoneRequests.Create body, HttpServletRequest request) {
        Actor actor = SessionRequired.current().actor();
        String url = url(body.haUrl(), "ha_url");
        String remote = optionalUrl(body.haUrlRemote());
        String token = body.haToken().strip();
        verification.verify(url, token);
        HomeAssistantZones.NewZone zone = new HomeAssistantZones.NewZone(
                body.name().strip(),
                url,
                remote,
                token,
                Boolean.TRUE.equals(body.isDefault()),
                body.latitude(),
                body.longitude(),
                blankToNull(body.icon()),
                body.urlPreference() == null ? "auto" : body.urlPreference());
        return inTransaction(() -> {
            zones.lockForChange();
            HomeAssistantZones.Zone created = zones.create(zone);
            record(request, actor, created, "created", List.of());
            return created;
        });
    }

    public HomeAssistantZones.Zone update(UUID id, ZoneRequests.Update body, HttpServletRequest request) {
        Actor actor = SessionRequired.current().actor();
        HomeAssistantZones.Zone current = find(id);
        String url = body.haUrl() == null ? current.haUrl() : url(body.haUrl(), "ha_url");
        String remote = body.haUrlRemote() == null ? current.haUrlRemote() : optionalUrl(body.haUrlRemote());
        String token = body.haToken() == null ? null : body.haToken().strip();
        if (token != null || !url.equals(current.haUrl())) {
            // A new token or local URL must reach Home Assistant before it replaces a working one.
            verification.verify(url, token != null ? token : zones.token(current));
        }
        HomeAssistantZones.Zone changed = new HomeAssistantZones.Zone(
                current.id(),
                body.name() == null ? current.name() : body.name().strip(),
                current.slug(),
                url,
                remote,
                current.tokenEncrypted(),
                current.isDefault(),
                body.latitude() == null ? current.latitude() : body.latitude(),
                body.longitude() == null ? current.longitude() : body.longitude(),
                body.icon() == null ? current.icon() : blankToNull(body.icon()),
                body.urlPreference() == null ? current.urlPreference() : body.urlPreference(),
                current.createdAt(),
                current.updatedAt());
        List<String> fields = changedFields(current, changed, token != null);
        if (fields.isEmpty()) {
            return current;
        }
        return inTransaction(() -> {
            HomeAssistantZones.Zone updated = zones.update(changed, token);
            record(request, actor, updated, "updated", fields);
            return updated;
        });
    }

    public void delete(UUID id, HttpServletRequest request) {
        Actor actor = SessionRequired.current().actor();
        inTransaction(() -> {
            zones.lockForChange();
            HomeAssistantZones.Zone zone = find(id);
            if (zone.isDefault()) {
                throw ApiException.badRequest(
                        "The default zone cannot be deleted: make another zone the default first");
            }
            if (zones.count() <= 1) {
                throw ApiException.badRequest("The last zone cannot be deleted");
            }
            zones.delete(id);
            record(request, actor, zone, "deleted", List.of());
            return zone;
        });
    }

    public HomeAssistantZones.Zone setDefault(UUID id, HttpServletRequest request) {
        Actor actor = SessionRequired.current().actor();
        return inTransaction(() -> {
            zones.lockForChange();
            HomeAssistantZones.Zone zone = find(id);
            if (zone.isDefault()) {
                return zone;
            }
            HomeAssistantZones.Zone updated = zones.makeDefault(id);
            record(request, actor, updated, "default_set", List.of("is_default"));
            return updated;
        });
    }

    /** Tries the local and (when set) the remote URL with the zone's token; reads HA's version. */
    public ZoneResponses.TestResult test(UUID id) {
        HomeAssistantZones.Zone zone = find(id);
        String token = zones.token(zone);
        Probe local = probe(zone.haUrl(), token);
        Probe remote = zone.haUrlRemote() == null ? null : probe(zone.haUrlRemote(), token);
        return new ZoneResponses.TestResult(
                local.ok(),
                remote == null ? null : remote.ok(),
                local.version(),
                remote == null ? null : remote.version(),
                local.error(),
                remote == null ? null : remote.error());
    }

    private record Probe(boolean ok, String version, String error) {}

    private Probe probe(String url, String token) {
        try {
            String version =
                    connection.clientFor(url, token).config().path("version").asText(null);
            return new Probe(true, version, null);
        } catch (HomeAssistantException e) {
            return new Probe(false, null, HomeAssistantVerification.describe(e));
        }
    }

    private HomeAssistantZones.Zone find(UUID id) {
        return zones.find(id).orElseThrow(() -> new ZoneNotFoundException(id));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private void record(
            HttpServletRequest request, Actor actor, HomeAssistantZones.Zone zone, String change, List<String> fields) {
        audit.record(
                request,
                actor,
                context -> new RecordZoneChange(
                        SecurityPrincipal.ID, zone.id().toString(), zone.name(), change, fields, context));
    }

    private static List<String> changedFields(
            HomeAssistantZones.Zone before, HomeAssistantZones.Zone after, boolean tokenReplaced) {
        List<String> fields = new ArrayList<>();
        note(fields, "name", before.name(), after.name());
        note(fields, "ha_url", before.haUrl(), after.haUrl());
        note(fields, "ha_url_remote", before.haUrlRemote(), after.haUrlRemote());
        note(fields, "latitude", before.latitude(), after.latitude());
        note(fields, "longitude", before.longitude(), after.longitude());
        note(fields, "icon", before.icon(), after.icon());
        note(fields, "url_preference", before.urlPreference(), after.urlPreference());
        if (tokenReplaced) {
            fields.add("ha_token");
        }
        return fields;
    }

    private static void note(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    private static String url(String value, String field) {
        try {
            return HomeAssistantUrlPolicy.check(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field + ": " + e.getMessage());
        }
    }

    /** A remote URL is optional; an empty one means none. */
    private static String optionalUrl(String value) {
        return value == null || value.isBlank() ? null : url(value, "ha_url_remote");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** No zone has this id. */
    static final class ZoneNotFoundException extends RuntimeException implements ErrorKind.Carrier {
        ZoneNotFoundException(UUID id) {
            super("No zone with id " + id);
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }
    }
}
