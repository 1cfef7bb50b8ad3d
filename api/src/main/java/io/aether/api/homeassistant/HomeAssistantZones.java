package io.aether.api.homeassistant;

import io.aether.api.security.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Home Assistant instances Aether knows (table ha_zone). Tokens are stored encrypted and
 * leave this class only as {@link #token(Zone)}. The default zone is what every Home Assistant
 * call uses; it is cached for a moment because it is read on every such call, and a change made
 * on another node is seen within {@link #CACHE_FOR}.
 */
@Component
public class HomeAssistantZones {
    static final Duration CACHE_FOR = Duration.ofSeconds(2);
    private static final String SELECT = """
            SELECT id, name, slug, ha_url, ha_url_remote, ha_token_encrypted, is_default, latitude, longitude,
                   icon, url_preference, created_at, updated_at
            FROM ha_zone""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;
    private volatile CachedDefault cached;

    public HomeAssistantZones(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A zone as stored; {@code toString} leaves the encrypted token out. */
    public record Zone(
            UUID id,
            String name,
            String slug,
            String haUrl,
            String haUrlRemote,
            String tokenEncrypted,
            boolean isDefault,
            Double latitude,
            Double longitude,
            String icon,
            String urlPreference,
            Instant createdAt,
            Instant updatedAt) {

        /** The URL Aether calls: the remote one when preferred and set, else the local one. */
        public String activeUrl() {
            return "remote".equals(urlPreference) && haUrlRemote != null ? haUrlRemote : haUrl;
        }

        @Override
        public String toString() {
            return "Zone[id=" + id + ", slug=" + slug + ", default=" + isDefault + "]";
        }
    }

    /** What a new zone is made of; the token in plain text, encrypted on the way in. */
    public record NewZone(
            String name,
            String haUrl,
            String haUrlRemote,
            String token,
            boolean makeDefault,
            Double latitude,
            Double longitude,
            String icon,
            String urlPreference) {
        @Override
        public String toString() {
            return "NewZone[name=" + name + "]";
        }
    }

    private record CachedDefault(Optional<Zone> zone, Instant loadedAt) {}

    public List<Zone> list() {
        return jdbc.sql(SELECT + " ORDER BY is_default DESC, created_at, id")
                .query(this::row)
                .list();
    }

    public Optional<Zone> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM ha_zone").query(Integer.class).single();
    }

    public Optional<Zone> defaultZone() {
        CachedDefault current = cached;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(CACHE_FOR).isBefore(now)) {
            try {
                current = new CachedDefault(
                        jdbc.sql(SELECT + " WHERE is_default").query(this::row).optional(), now);
            } catch (DataAccessException e) {
                // Database down: keep calling the Home Assistant last known (status still reports the database).
                if (current == null) {
                    throw e;
                }
                return current.zone();
            }
            cached = current;
        }
        return current.zone();
    }

    public String token(Zone zone) {
        return cipher.decrypt(zone.tokenEncrypted());
    }

    /**
     * Stores a zone under a free slug (its name's, with -2, -3 ... on collision). The first zone
     * is the default whatever was asked; a new default takes the flag from the old one. Call
     * inside a transaction.
     */
    public Zone create(NewZone zone) {
        Instant now = clock.instant();
        boolean makeDefault = zone.makeDefault() || count() == 0;
        if (makeDefault) {
            clearDefault();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO ha_zone (id, name, slug, ha_url, ha_url_remote, ha_token_encrypted, is_default,
                                             latitude, longitude, icon, url_preference, created_at, updated_at)
                        VALUES (:id, :name, :slug, :url, :remote, :token, :default, :lat, :lon, :icon, :pref, :now, :now)""")
                .param("id", id)
                .param("name", zone.name())
                .param("slug", freeSlug(zone.name()))
                .param("url", zone.haUrl())
                .param("remote", zone.haUrlRemote())
                .param("token", cipher.encrypt(zone.token()))
                .param("default", makeDefault)
                .param("lat", zone.latitude())
                .param("lon", zone.longitude())
                .param("icon", zone.icon())
                .param("pref", zone.urlPreference())
                .param("now", Timestamp.from(now))
                .update();
        changed();
        return find(id).orElseThrow();
    }

    /** Replaces a zone's settings (a null token keeps the stored one). Call inside a transaction. */
    public Zone update(Zone zone, String newToken) {
        jdbc.sql("""
                        UPDATE ha_zone SET name = :name, ha_url = :url, ha_url_remote = :remote,
                               ha_token_encrypted = :token, latitude = :lat, longitude = :lon, icon = :icon,
                               url_preference = :pref, updated_at = :now
                        WHERE id = :id""")
                .param("id", zone.id())
                .param("name", zone.name())
                .param("url", zone.haUrl())
                .param("remote", zone.haUrlRemote())
                .param("token", newToken == null ? zone.tokenEncrypted() : cipher.encrypt(newToken))
                .param("lat", zone.latitude())
                .param("lon", zone.longitude())
                .param("icon", zone.icon())
                .param("pref", zone.urlPreference())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        changed();
        return find(zone.id()).orElseThrow();
    }

    /** Moves the default flag to this zone. Call inside a transaction. */
    public Zone makeDefault(UUID id) {
        clearDefault();
        jdbc.sql("UPDATE ha_zone SET is_default = TRUE, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        changed();
        return find(id).orElseThrow();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM ha_zone WHERE id = :id").param("id", id).update();
        changed();
    }

    /** Locks the zone table for a change that checks a rule over all zones (last one, default). */
    public void lockForChange() {
        jdbc.sql("LOCK TABLE ha_zone IN SHARE ROW EXCLUSIVE MODE").update();
    }

    static String slugOf(String name) {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "zone" : slug;
    }

    private String freeSlug(String name) {
        String base = slugOf(name);
        Set<String> taken = new HashSet<>(jdbc.sql("SELECT slug FROM ha_zone WHERE slug = :base OR slug LIKE :like")
                .param("base", base)
                .param("like", base + "-%")
                .query(String.class)
                .list());
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private void clearDefault() {
        jdbc.sql("UPDATE ha_zone SET is_default = FALSE WHERE is_default").update();
    }

    /** Forgets the cached default now and again once the surrounding transaction has ended. */
    private void changed() {
        cached = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cached = null;
                }
            });
        }
    }

    private Zone row(ResultSet rs, int n) throws SQLException {
        return new Zone(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("ha_url"),
                rs.getString("ha_url_remote"),
                rs.getString("ha_token_encrypted"),
                rs.getBoolean("is_default"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("icon"),
                rs.getString("url_preference"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
