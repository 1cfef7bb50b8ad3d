package io.aether.api.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The error envelope: {"error": {"code", "message", "type", "correlation_id", "details"?}}. */
@Schema(name = "ErrorResponse")
public record ApiError(Body error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ErrorDetail")
    public record Body(int code, String message, String type, String correlationId, List<FieldError> details) {}

    /** One invalid field of a 422. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {}

    public static ApiError of(int code, String type, String message, String correlationId, List<FieldError> details) {
        return new ApiError(new Body(code, message, type, correlationId, details));
    }
}
