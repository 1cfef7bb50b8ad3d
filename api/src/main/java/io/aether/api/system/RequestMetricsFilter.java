package io.aether.api.system;

import io.aether.api.platform.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/** Feeds {@link RequestMetrics}; paths are recorded by route pattern so ids do not explode the counts. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestMetricsFilter extends OncePerRequestFilter {
    private final RequestMetrics metrics;

    public RequestMetricsFilter(RequestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        metrics.started();
        try {
            chain.doFilter(request, response);
        } finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String path = pattern != null ? pattern.toString() : "unmatched";
            Object errorType = request.getAttribute(ErrorResponses.ERROR_TYPE_ATTRIBUTE);
            metrics.finished(
                    request.getMethod(),
                    path,
                    response.getStatus(),
                    (System.nanoTime() - start) / 1e6,
                    errorType == null ? null : errorType.toString());
        }
    }
}
