package io.aether.api.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.config.AetherProperties;
import io.aether.api.platform.error.ErrorResponses;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter in front of a real limiter: which requests spend an attempt, and the 429 it answers. */
class AuthRateLimitFilterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static RateLimitTestDatabase database;
    private AuthRateLimitFilter filter;
    private AuthRateLimitFilter sessionOnly;

    @BeforeAll
    static void createSchema() {
        database = new RateLimitTestDatabase();
    }

    @AfterAll
    static void dropSchema() {
        database.close();
    }

    @BeforeEach
    void oneAttemptPerHour() {
        database.clear();
        AuthRateLimiter limiter =
                new AuthRateLimiter(database.dataSource(), new AetherProperties.RateLimit(1, Duration.ofHours(1)));
        filter = AuthRateLimitFilter.signIn(limiter, new ErrorResponses(MAPPER));
        sessionOnly = AuthRateLimitFilter.sessionOnly(limiter, new ErrorResponses(MAPPER));
    }

    @Test
    void refusesOnceTheBucketIsEmptyWithoutPassingTheRequestOn() throws Exception {
        assertThat(send("POST", "/api/v1/auth/login").passedOn).isTrue();

        Result refused = send("POST", "/api/v1/auth/login");

        assertThat(refused.passedOn).isFalse();
        assertThat(refused.response.getStatus()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.response.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(3_000L, 3_600L);
        JsonNode error =
                MAPPER.readTree(refused.response.getContentAsByteArray()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(429);
        assertThat(error.path("type").asText()).isEqualTo("rate_limited");
        assertThat(error.path("message").asText())
                .isEqualTo("Too many attempts; try again in " + retryAfter + " seconds");
    }

    @Test
    void bothLoginEndpointsShareOneBucket() throws Exception {
        assertThat(send("POST", "/api/v1/auth/login/ha-token").passedOn).isTrue();
        assertThat(send("POST", "/api/v1/auth/login").response.getStatus()).isEqualTo(429);
        assertThat(send("POST", "/api/v1/auth/setup").passedOn).isTrue();
        assertThat(send("POST", "/api/v1/auth/passkey/authenticate/verify").passedOn)
                .isTrue();
    }

    @Test
    void theHaWebhookSpendsFromItsOwnBucketBeforeItsSecretIsRead() throws Exception {
        assertThat(send("POST", "/api/v1/webhooks/ha").passedOn).isTrue();
        Result refused = send("POST", "/api/v1/webhooks/ha");
        assertThat(refused.passedOn).isFalse();
        assertThat(refused.response.getStatus()).isEqualTo(429);
        assertThat(send("POST", "/api/v1/auth/login").passedOn)
                .as("sign-in is not locked by webhook calls")
                .isTrue();
    }

    @Test
    void otherRequestsPassUntouchedAndSpendNothing() throws Exception {
        assertThat(send("GET", "/api/v1/auth/login").passedOn).isTrue();
        assertThat(send("POST", "/api/v1/auth/logout").passedOn).isTrue();
        assertThat(send("POST", "/api/v1/auth/login/other").passedOn).isTrue();
        assertThat(send("POST", "/api/v1/proposals").passedOn).isTrue();
        assertThat(database.rowCount()).isZero();
    }

    @Test
    void theGoogleCallbackNeverSpendsFromTheSignInBucket() throws Exception {
        // The sign-in filter, ahead of authentication, leaves the session-only route alone.
        assertThat(send(filter, "POST", "/api/v1/auth/google/callback").passedOn)
                .isTrue();
        assertThat(send(filter, "POST", "/api/v1/auth/google/callback").passedOn)
                .isTrue();
        assertThat(database.rowCount()).isZero();
        // The session-only filter spends from a bucket of its own, which leaves login untouched.
        assertThat(send(sessionOnly, "POST", "/api/v1/auth/google/callback").passedOn)
                .isTrue();
        assertThat(send(sessionOnly, "POST", "/api/v1/auth/google/callback")
                        .response
                        .getStatus())
                .isEqualTo(429);
        assertThat(send(sessionOnly, "POST", "/api/v1/auth/login").passedOn).isTrue();
        assertThat(send(filter, "POST", "/api/v1/auth/login").passedOn).isTrue();
    }

    private Result send(String method, String path) throws ServletException, IOException {
        return send(filter, method, path);
    }

    private Result send(AuthRateLimitFilter filter, String method, String path) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        // As Tomcat presents a request to the DispatcherServlet mapped at "/".
        request.setServletPath(path);
        request.setRemoteAddr("192.0.2.20");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Result(chain.getRequest() != null, response);
    }

    private record Result(boolean passedOn, MockHttpServletResponse response) {}
}
