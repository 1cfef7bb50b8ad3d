package io.aether.homeassistant.websocket;

import io.aether.homeassistant.HomeAssistantException;

/**
 * Home Assistant answered a WebSocket command with {@code success:false}. {@link #code()} is HA's
 * error code ({@code not_found}, {@code invalid_format}, {@code unknown_command}, {@code unauthorized},
 * {@code config_not_found}...); the kind is UNAUTHORIZED for {@code unauthorized}, TIMEOUT for HA's own
 * {@code timeout}, REJECTED otherwise.
 */
public class HomeAssistantCommandException extends HomeAssistantException {

    private final String code;

    public HomeAssistantCommandException(String type, String code, String message) {
        super(kindOf(code), 0, "Home Assistant refused " + type + ": " + code + " (" + message + ")");
        this.code = code;
    }

    public String code() {
        return code;
    }

    private static Kind kindOf(String code) {
        return switch (code) {
            case "unauthorized" -> Kind.UNAUTHORIZED;
            case "timeout" -> Kind.TIMEOUT;
            default -> Kind.REJECTED;
        };
    }
}
