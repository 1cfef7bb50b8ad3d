package io.aether.api.chat;

import io.aether.agents.chat.ThreadContext;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The request's log context (its correlation id) and security context, carried to a chat turn's
 * other threads: commands sent there (a proposal by {@code seek_approval}) carry the request's
 * correlation id and principal in their metadata like any other.
 */
@Component
public class RequestThreadContext implements ThreadContext {
    @Override
    public <T> Callable<T> carry(Callable<T> task) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        SecurityContext security = SecurityContextHolder.getContext();
        return () -> {
            Map<String, String> previousMdc = MDC.getCopyOfContextMap();
            SecurityContext previous = SecurityContextHolder.getContext();
            try {
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                SecurityContextHolder.setContext(security);
                return task.call();
            } finally {
                if (previousMdc == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previousMdc);
                }
                SecurityContextHolder.setContext(previous);
            }
        };
    }
}
