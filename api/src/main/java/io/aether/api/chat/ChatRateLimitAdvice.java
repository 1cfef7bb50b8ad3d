package io.aether.api.chat;

import io.aether.api.conversation.ConversationController;
import io.aether.api.platform.error.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused chat turn: 429 in the error envelope with {@code Retry-After}, type {@code rate_limited}. */
@RestControllerAdvice(
        assignableTypes = {ChatController.class, ConversationController.class, ProposalRefineController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ChatRateLimitAdvice {
    private final ErrorResponses errors;

    public ChatRateLimitAdvice(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ChatRateLimit.Refused.class)
    public void refused(ChatRateLimit.Refused e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", e.getMessage());
    }
}
