package io.aether.api.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the error envelope, for controllers (as a ResponseEntity) and for filters (written directly). */
@Component
public class ErrorResponses {
    /** Request attribute naming the error type of the answer, for the request metrics. */
    public static final String ERROR_TYPE_ATTRIBUTE = "aether.errorType";

    private final ObjectMapper mapper;

    public ErrorResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ResponseEntity<ApiError> entity(
            HttpServletRequest request,
            HttpStatus status,
            String type,
            String message,
            List<ApiError.FieldError> details) {
        request.setAttribute(ERROR_TYPE_ATTRIBUTE, type);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(status.value(), type, message, CorrelationIdFilter.of(request), details));
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String message)
            throws IOException {
        request.setAttribute(ERROR_TYPE_ATTRIBUTE, type);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(
                response.getOutputStream(),
                ApiError.of(status.value(), type, message, CorrelationIdFilter.of(request), null));
    }
}
