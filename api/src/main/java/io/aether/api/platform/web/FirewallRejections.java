package io.aether.api.platform.web;

import io.aether.api.platform.error.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests that Spring Security's firewall refuses before any controller (a TRACE, a path with
 * {@code ;} or {@code //}) answer in the error envelope: 405 for a method the firewall does not
 * allow, 400 otherwise. The default handler sent a bare 400 with an empty body.
 */
@Component
public class FirewallRejections implements RequestRejectedHandler {
    private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);
    /** StrictHttpFirewall's default list of allowed methods. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ErrorResponses errors;

    public FirewallRejections(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Firewall refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", METHODS));
            errors.write(
                    request,
                    response,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method_not_allowed",
                    "This HTTP method is not allowed");
        } else {
            errors.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "bad_request",
                    "The request was refused: its URL is not allowed");
        }
    }
}
