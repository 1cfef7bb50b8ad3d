package io.aether.homeassistant;

import java.time.Duration;

/**
 * Where Home Assistant is and how to authenticate. A blank base URL means "not configured":
 * the client can still be built, it just refuses every call with {@code NOT_CONFIGURED}.
 */
public record HomeAssistantSettings(String baseUrl, String token, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Service calls are blocking in HA, so allow for slow integrations. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public HomeAssistantSettings {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        // Paths are appended as "/api/...", so a trailing slash would double up.
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        token = token == null ? "" : token.strip();
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    }

    public HomeAssistantSettings(String baseUrl, String token) {
        this(baseUrl, token, null, null);
    }

    public boolean configured() {
        return !baseUrl.isBlank();
    }

    /** Records print every component; the token must never reach a log line. */
    @Override
    public String toString() {
        return "HomeAssistantSettings[baseUrl=" + baseUrl + ", token=" + (token.isEmpty() ? "<none>" : "<redacted>")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
