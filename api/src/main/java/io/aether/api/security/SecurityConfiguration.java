package io.aether.api.security;

import io.aether.api.platform.error.ErrorResponses;
import io.aether.api.security.ratelimit.AuthRateLimitFilter;
import io.aether.api.security.ratelimit.AuthRateLimiter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every route needs a credential except {@link PublicRoutes}. Stateless: no HTTP session, no
 * form login; credentials are checked by {@link CredentialAuthenticationFilter}. Spring's CSRF
 * token is off because the cookie's cross-site requests are refused by origin instead
 * ({@link CrossSiteRequestGuard}), which leaves Bearer and API-key clients unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {
    /** Scripts and styles only from Aether itself (the login page has no inline script). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionTokens sessions,
            ApiKeys apiKeys,
            AuthProperties properties,
            CrossSiteRequestGuard crossSite,
            ErrorResponses errors,
            AuthRateLimiter rateLimiter)
            throws Exception {
        CredentialAuthenticationFilter credentials =
                new CredentialAuthenticationFilter(sessions, apiKeys, properties, crossSite, errors);
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(corsConfiguration(properties.corsOrigins())))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // Written only on https requests (directly or via a trusted proxy).
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(
                                        Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            errors.write(
                                    request,
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "unauthorized",
                                    "Authentication required: send a session token (Authorization: Bearer), "
                                            + "an API key (X-API-Key) or the session cookie");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                errors.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Access denied")))
                .addFilterBefore(credentials, AnonymousAuthenticationFilter.class)
                // Session-only routes spend their own bucket, and only once the caller is authenticated.
                .addFilterAfter(AuthRateLimitFilter.sessionOnly(rateLimiter, errors), AuthorizationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        // Error rendering of an already-authorized (or public) request.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(PublicRoutes.MATCHERS.toArray(RequestMatcher[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    private static CorsConfigurationSource corsConfiguration(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (origins.isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                "Authorization", "Content-Type", "X-API-Key", "If-Match", "X-Correlation-ID", "X-Consistency-Token"));
        cors.setExposedHeaders(List.of(
                "ETag",
                "Location",
                "Retry-After",
                "X-Correlation-ID",
                "X-Consistency-Token",
                "X-Consistency-Timeout",
                "Server-Timing"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
