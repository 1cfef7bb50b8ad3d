package io.aether.bench.open;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.UUID;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The benchmark's unauthenticated baseline, never part of the server jar: the harness copies this
 * one class into a directory and starts a second server with that directory on its class path
 * ({@code PropertiesLauncher}, {@code -Dloader.path}), where the application's component scan of
 * {@code io.aether} finds it. Every request then arrives already authenticated as the owner,
 * through the stateless security context Spring Security loads from a request attribute, so the
 * credential filter finds no credential to check and the rest of the security chain runs as
 * usual. Comparing that server's write throughput with the normal one's gives the cost of checking
 * credentials. A request that carries an {@code Authorization} header is left alone and checked as
 * usual, so one server serves both loads and the harness lets them take turns. No inner or
 * anonymous classes: the harness copies this single class file.
 */
@Configuration(proxyBeanMethods = false)
public class NoCredentialCheck {
    /** The class file the harness copies, relative to a class-path root. */
    public static final String CLASS_FILE = "io/aether/bench/open/NoCredentialCheck.class";

    @Bean
    FilterRegistrationBean<Filter> benchNoCredentialCheck() throws ReflectiveOperationException {
        // Package-private factory of the server's own authentication: reached by reflection, as the
        // harness does not compile against the server.
        Method apiKey = Class.forName("io.aether.api.security.AetherAuthentication")
                .getDeclaredMethod("apiKey", String.class, UUID.class, String.class);
        apiKey.setAccessible(true);
        Authentication owner = (Authentication) apiKey.invoke(null, "admin", new UUID(0, 0), "benchmark");
        Filter filter = (request, response, chain) -> {
            if (request instanceof HttpServletRequest http && http.getHeader("Authorization") != null) {
                chain.doFilter(request, response);
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(owner);
            request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME, context);
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("benchNoCredentialCheck");
        // Ahead of Spring Security's filter chain (order -100).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
