package io.aether.api.platform.error;

import io.aether.domain.ErrorKind;
import java.io.IOException;

/**
 * A request body refused while it is read: bytes that are not UTF-8, text that is not valid
 * Unicode, a number too large to store. An {@link IOException} so that it leaves the JSON parser
 * unwrapped; answered as a 400 with this (safe) message.
 */
public class RefusedBodyException extends IOException implements ErrorKind.Carrier {

    public RefusedBodyException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.BAD_REQUEST;
    }
}
