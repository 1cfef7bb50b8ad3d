package io.aether.api.platform.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.aether.domain.ErrorKind;
import io.aether.homeassistant.HomeAssistantException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to the error envelope. Exceptions that carry an {@link ErrorKind} are
 * looked for along the cause chain (Axon's gateways may wrap them) and answered by kind, so this
 * class names no feature. Anything unexpected is a 500 with a generic message; details go to the
 * log only, never into the response.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ErrorResponses errors;

    public ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        ErrorKind.Carrier refused = causeOf(e, ErrorKind.Carrier.class);
        if (refused != null) {
            // The body was refused while it was read: too large, not UTF-8, text or numbers we do not store.
            return answer(request, refused.kind(), refused.errorType(), ((Throwable) refused).getMessage());
        }
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message = mismatch instanceof InvalidFormatException invalid
                            && invalid.getTargetType().isEnum()
                    ? "invalid value for '" + field + "'"
                    : "wrong type for '" + field + "'";
            IllegalArgumentException enumError = causeOf(e, IllegalArgumentException.class);
            if (enumError != null) {
                message = "invalid value for '" + field + "': " + enumError.getMessage();
            }
            return errors.entity(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "bad_request",
                    message,
                    List.of(new ApiError.FieldError(field, message)));
        }
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            IllegalArgumentException cause = causeOf(e, IllegalArgumentException.class);
            String detail = cause != null ? cause.getMessage() : safe(mapping.getOriginalMessage());
            String message = "invalid value for '" + field + "'" + (detail != null ? ": " + detail : "");
            return errors.entity(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "bad_request",
                    message,
                    List.of(new ApiError.FieldError(field, message)));
        }
        String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "Request body is required"
                : "Malformed JSON in request body";
        return errors.entity(request, HttpStatus.BAD_REQUEST, "bad_request", message, null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiError.FieldError> details = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldError(snake(f.getField()), f.getDefaultMessage()))
                .toList();
        String message = "Validation failed: "
                + details.stream().map(d -> d.field() + " " + d.message()).collect(Collectors.joining("; "));
        return errors.entity(request, HttpStatus.UNPROCESSABLE_ENTITY, "validation_error", message, details);
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ResponseEntity<ApiError> invalidParameter(Exception e, HttpServletRequest request) {
        String message = e instanceof HandlerMethodValidationException h
                ? h.getAllErrors().stream().map(err -> err.getDefaultMessage()).collect(Collectors.joining("; "))
                : e.getMessage();
        return errors.entity(
                request, HttpStatus.UNPROCESSABLE_ENTITY, "validation_error", "Invalid parameter: " + message, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null
                ? "a valid value"
                : e.getRequiredType().getSimpleName();
        if ("UUID".equals(expected)) {
            expected = "a UUID";
        }
        return errors.entity(
                request,
                HttpStatus.BAD_REQUEST,
                "bad_request",
                "Invalid value for '" + e.getName() + "': expected " + expected,
                null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ResponseEntity<ApiError> missing(Exception e, HttpServletRequest request) {
        return errors.entity(request, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage(), null);
    }

    /** A path variable that converts to nothing, such as a UUID id that is only whitespace. */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ApiError> missingPathVariable(MissingPathVariableException e, HttpServletRequest request) {
        if (!e.isMissingAfterConversion()) {
            return other(e, request);
        }
        String expected = e.getParameter().getParameterType() == UUID.class ? "a UUID" : "a value";
        return errors.entity(
                request,
                HttpStatus.BAD_REQUEST,
                "bad_request",
                "Invalid value for '" + e.getVariableName() + "': expected " + expected,
                null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute(HttpServletRequest request) {
        return errors.entity(request, HttpStatus.NOT_FOUND, "not_found", "No such endpoint", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return errors.entity(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "Method " + e.getMethod() + " is not allowed here",
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpServletRequest request) {
        return errors.entity(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Request body must be application/json",
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpServletRequest request) {
        return errors.entity(
                request, HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This endpoint answers application/json", null);
    }

    /**
     * Every other failure, possibly wrapped by an Axon gateway: an exception that carries its
     * {@link ErrorKind} is answered by kind; a few foreign exceptions are given a kind here;
     * anything else is a 500 with a generic message, the details in the log only.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e, HttpServletRequest request) {
        ErrorKind.Carrier carrier = causeOf(e, ErrorKind.Carrier.class);
        if (carrier != null) {
            return answer(request, carrier.kind(), carrier.errorType(), ((Throwable) carrier).getMessage());
        }
        Throwable t;
        if (causeOf(e, AggregateNotFoundException.class) != null) {
            return answer(request, ErrorKind.NOT_FOUND, null, "Not found: it does not exist or was deleted");
        }
        if (causeOf(e, ConcurrencyException.class) != null
                || causeOf(e, ConflictingModificationException.class) != null) {
            return answer(
                    request, ErrorKind.CONFLICT, null, "It was changed by another request; reload it and try again");
        }
        if ((t = causeOf(e, HomeAssistantException.class)) != null) {
            return answer(request, ErrorKind.UPSTREAM, "home_assistant_error", t.getMessage());
        }
        if (causeOf(e, EventStoreException.class) != null
                || causeOf(e, DataAccessResourceFailureException.class) != null
                || causeOf(e, CannotGetJdbcConnectionException.class) != null
                || causeOf(e, CannotCreateTransactionException.class) != null) {
            log.error("Storage unavailable while handling {} {}", request.getMethod(), request.getRequestURI(), e);
            return answer(request, ErrorKind.UNAVAILABLE, null, "The database is unavailable; try again later");
        }
        log.error("Unexpected error handling {} {}", request.getMethod(), request.getRequestURI(), e);
        return errors.entity(
                request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal server error", null);
    }

    /** The one place where a kind becomes a status and an error type. */
    private ResponseEntity<ApiError> answer(HttpServletRequest request, ErrorKind kind, String type, String message) {
        HttpStatus status = switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case VALIDATION -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UPSTREAM -> HttpStatus.BAD_GATEWAY;
            case NOT_CONFIGURED -> HttpStatus.NOT_IMPLEMENTED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        String kindType = switch (kind) {
            case VALIDATION -> "validation_error";
            case UPSTREAM -> "upstream_error";
            case NOT_CONFIGURED -> "not_configured";
            default -> ErrorTypes.forStatus(status.value());
        };
        return errors.entity(request, status, type != null ? type : kindType, message, null);
    }

    static <T> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Jackson's own messages name Java types; those stay in the log. */
    private static String safe(String message) {
        return message == null || message.contains("`") || message.contains("java.") || message.contains("io.aether")
                ? null
                : message;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
