package io.aether.api.homeassistant;

import io.aether.command.proposal.AutomationGatewayException;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.websocket.HomeAssistantCommandException;
import java.util.function.Supplier;

/**
 * One translation of Home Assistant failures for the deployment targets: every message of a call
 * HA refused starts with {@link #REFUSED}, so an answer can tell a refusal (422) from HA being
 * unreachable (the deployment's failure, 200/502); the token is never in a message.
 */
public final class HomeAssistantCalls {
    /** The start of the message of every call Home Assistant understood and refused. */
    public static final String REFUSED = "Home Assistant refused";

    private HomeAssistantCalls() {}

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (HomeAssistantException e) {
            throw translate(e);
        }
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    static AutomationGatewayException translate(HomeAssistantException e) {
        String message = e.getMessage();
        if (e.kind() == HomeAssistantException.Kind.REJECTED && !message.startsWith(REFUSED)) {
            message = REFUSED + ": " + message;
        } else if (e.kind() != HomeAssistantException.Kind.REJECTED && message.startsWith(REFUSED)) {
            // A WebSocket error that is not a refusal of the content (unauthorized, HA's own timeout).
            message = "Home Assistant failed: " + message;
        }
        return new AutomationGatewayException(message);
    }

    /** HA's WebSocket error code, when the call failed with one. */
    static String code(HomeAssistantException e) {
        return e instanceof HomeAssistantCommandException c ? c.code() : null;
    }
}
