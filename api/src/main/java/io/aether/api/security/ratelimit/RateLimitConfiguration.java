package io.aether.api.security.ratelimit;

import io.aether.api.platform.config.AetherProperties;
import io.aether.api.platform.error.ErrorResponses;
import io.aether.api.platform.web.CorrelationIdFilter;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;

/**
 * The rate limits: one limiter (sign-in actions under the shared limit, the HA webhook and chat
 * turns under their own), its servlet filter for the sign-in routes and the sweeper of expired
 * buckets. The filter for session-only routes sits in the security chain
 * (SecurityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {
    /**
     * Right after CorrelationIdFilter, so a 429 carries the correlation id, and ahead of every filter
     * that looks at the request. BodySizeLimitFilter shares this order; Spring Boot puts registration
     * beans before plain filter beans of equal order, so this one still runs first.
     */
    static final int FILTER_ORDER = OrderUtils.getOrder(CorrelationIdFilter.class, Ordered.HIGHEST_PRECEDENCE) + 1;

    @Bean
    AuthRateLimiter authRateLimiter(
            DataSource dataSource,
            AetherProperties properties,
            @Value("${aether.chat.rate-limit.attempts:10}") int chatAttempts,
            @Value("${aether.chat.rate-limit.period:1m}") Duration chatPeriod) {
        AetherProperties.Security security = properties.security();
        return new AuthRateLimiter(
                dataSource,
                security.rateLimit(),
                Map.of(
                        RateLimitedAction.WEBHOOK,
                        security.webhookRateLimit().asRateLimit(),
                        RateLimitedAction.CHAT,
                        new AetherProperties.RateLimit(chatAttempts, chatPeriod)));
    }

    @Bean
    FilterRegistrationBean<AuthRateLimitFilter> authRateLimitFilter(AuthRateLimiter limiter, ErrorResponses errors) {
        FilterRegistrationBean<AuthRateLimitFilter> registration =
                new FilterRegistrationBean<>(AuthRateLimitFilter.signIn(limiter, errors));
        registration.setName("authRateLimitFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ExpiredBucketSweeper expiredBucketSweeper(AuthRateLimiter limiter) {
        return new ExpiredBucketSweeper(limiter);
    }
}
