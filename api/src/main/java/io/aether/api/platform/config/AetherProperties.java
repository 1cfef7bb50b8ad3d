package io.aether.api.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Aether's own settings (application.yml maps each to an AETHER_* environment variable). */
@ConfigurationProperties("aether")
public record AetherProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("production") String environment,
        String publicUrl,
        @DefaultValue Db db,
        @DefaultValue Ha ha,
        @DefaultValue Deploy deploy,
        @DefaultValue Http http,
        @DefaultValue Security security) {

    /** External PostgreSQL; when url is blank an embedded PostgreSQL under dataDir is used. */
    public record Db(
            String url,
            String user,
            String password,
            @DefaultValue("10") int poolSize) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * websocketUrl: Home Assistant's WebSocket API when it is not at the URL's /api/websocket
     * (blank: derived from the HA URL in use).
     */
    public record Ha(
            String url,
            String token,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            String websocketUrl) {
        @Override
        public String toString() {
            return "Ha[url=" + url + ", websocketUrl=" + websocketUrl + ", token="
                    + (token == null || token.isBlank() ? "<unset>" : "<redacted>") + "]";
        }
    }

    public record Deploy(@DefaultValue("30s") Duration waitTimeout) {}

    public record Http(@DefaultValue("1048576") long maxBodyBytes) {}

    public record Security(
            @DefaultValue RateLimit rateLimit, @DefaultValue WebhookRateLimit webhookRateLimit) {}

    /** Attempts per client address and authentication action; the bucket refills evenly over the period. */
    public record RateLimit(
            @DefaultValue("10") int attempts,
            @DefaultValue("1m") Duration period) {}

    /**
     * Calls of the HA webhook per client address: Home Assistant's automations may call it often,
     * so it has its own bucket, larger than the sign-in one, that still stops secret guessing.
     */
    public record WebhookRateLimit(
            @DefaultValue("120") int attempts,
            @DefaultValue("1m") Duration period) {
        public RateLimit asRateLimit() {
            return new RateLimit(attempts, period);
        }
    }
}
