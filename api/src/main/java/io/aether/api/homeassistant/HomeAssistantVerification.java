package io.aether.api.homeassistant;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.homeassistant.HomeAssistantClient;
import io.aether.homeassistant.HomeAssistantException;
import org.springframework.stereotype.Component;

/**
 * Checks that a URL and token reach Home Assistant's API before they are stored (setup, zones).
 * Errors describe what went wrong in Aether's words; they never repeat what the target said.
 */
@Component
public class HomeAssistantVerification {
    private final HomeAssistantConnection connection;

    public HomeAssistantVerification(HomeAssistantConnection connection) {
        this.connection = connection;
    }

    /** Calls GET /api/ with the candidate URL and token; 400 {@code ha_verification_failed} when it fails. */
    public void verify(String haUrl, String token) {
        HomeAssistantClient candidate = connection.clientFor(haUrl, token);
        try {
            if (!candidate.apiStatus().has("message")) {
                throw failed("The URL did not answer like Home Assistant's API");
            }
        } catch (HomeAssistantException e) {
            throw failed("Home Assistant could not be verified: " + describe(e));
        }
    }

    public static String describe(HomeAssistantException e) {
        return switch (e.kind()) {
            case UNAUTHORIZED -> "the token was refused (HTTP " + e.status() + ")";
            case UNREACHABLE -> "nothing answered at that URL";
            case TIMEOUT -> "no answer in time";
            case UNAVAILABLE -> "Home Assistant is unavailable (HTTP " + e.status() + ")";
            case NOT_CONFIGURED -> "the URL is not usable";
            default -> e.status() > 0 ? "unexpected answer (HTTP " + e.status() + ")" : "unexpected answer";
        };
    }

    private static ApiException failed(String message) {
        return new ApiException(ErrorKind.BAD_REQUEST, "ha_verification_failed", message);
    }
}
