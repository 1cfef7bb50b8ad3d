package io.aether.api.platform.web;

import io.aether.api.platform.error.ErrorTypes;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Requests that Tomcat refuses before Spring sees them (an encoded slash in the path, an
 * oversized header) answer in the error envelope too, instead of Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        boolean serverError = status >= 500;
        String message =
                serverError ? "Internal server error" : known != null ? known.getReasonPhrase() : "Bad request";
        String type = ErrorTypes.forStatus(status);
        String id = UUID.randomUUID().toString();
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(CorrelationIdFilter.HEADER, id);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"type\":\"" + type
                        + "\",\"correlation_id\":\"" + id + "\"}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed; nothing more to say.
        }
    }
}
