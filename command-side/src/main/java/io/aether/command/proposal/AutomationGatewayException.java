package io.aether.command.proposal;

import io.aether.domain.ErrorKind;

/** Home Assistant could not be reached or refused the call; the message is HA's. */
public class AutomationGatewayException extends RuntimeException implements ErrorKind.Carrier {

    public AutomationGatewayException(String message) {
        super(message);
    }

    public AutomationGatewayException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UPSTREAM;
    }

    @Override
    public String errorType() {
        return "home_assistant_error";
    }
}
