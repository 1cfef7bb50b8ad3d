package io.aether.agents.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import io.aether.domain.ErrorKind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The language model server failed: an HTTP error, a timeout, or it could not be reached. An
 * upstream failure (502 in the API's envelope, type {@code llm_error}), never a 500. The message
 * names the provider, the model and what went wrong, never the API key nor the server's own
 * error text (which may echo request details).
 */
public class LlmProviderException extends RuntimeException implements ErrorKind.Carrier {

    public LlmProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UPSTREAM;
    }

    @Override
    public String errorType() {
        return "llm_error";
    }

    /** What a failed call of this model means for the caller. */
    static LlmProviderException of(RuntimeException failure, LlmProvider provider, String model) {
        String who = "The language model server (" + provider.wire() + ", model " + model + ")";
        HttpException http = causeOf(failure, HttpException.class);
        if (http != null) {
            return new LlmProviderException(who + " answered HTTP " + http.statusCode(), failure);
        }
        if (causeOf(failure, TimeoutException.class) != null
                || (causeOf(failure, HttpTimeoutException.class) != null
                        && causeOf(failure, HttpConnectTimeoutException.class) == null)) {
            return new LlmProviderException(who + " did not answer in time", failure);
        }
        if (causeOf(failure, ConnectException.class) != null
                || causeOf(failure, HttpConnectTimeoutException.class) != null
                || causeOf(failure, UnknownHostException.class) != null
                || causeOf(failure, UnresolvedAddressException.class) != null) {
            return new LlmProviderException(who + " could not be reached", failure);
        }
        return new LlmProviderException(who + " failed (" + failure.getClass().getSimpleName() + ")", failure);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
