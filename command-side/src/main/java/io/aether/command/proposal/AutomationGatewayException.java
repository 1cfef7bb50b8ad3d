package io.aether.command.proposal;

/** Home Assistant could not be reached or refused the call; the message is HA's. */
public class AutomationGatewayException extends RuntimeException {

    public AutomationGatewayException(String message) {
        super(message);
    }

    public AutomationGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
