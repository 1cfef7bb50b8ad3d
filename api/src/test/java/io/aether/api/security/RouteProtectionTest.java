package io.aether.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.support.Http;
import io.aether.api.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the application has registered, found at run time (controllers, actuator, API
 * docs), is called without a credential: all but the documented public ones must answer 401. A
 * route added later is covered without touching this test.
 */
class RouteProtectionTest extends IntegrationTest {
    /** The public routes of docs/api.md, as "METHOD pattern". */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/health",
            "GET /api/v1/ready",
            "GET /api/v1/status",
            "GET /api/v1/auth/setup-status",
            "POST /api/v1/auth/setup",
            "POST /api/v1/auth/login",
            "POST /api/v1/auth/login/ha-token",
            "POST /api/v1/auth/passkey/authenticate/options",
            "POST /api/v1/auth/passkey/authenticate/verify",
            "GET /login",
            "GET /api/openapi.json",
            "GET /api/openapi.json/{group}",
            "GET /api/openapi.json.yaml",
            "GET /api/openapi.json.yaml/{group}",
            "GET /api/openapi.json/swagger-config",
            "GET /api/docs");

    /**
     * Routes that take no Aether credential but a secret of their own (documented with
     * {@code security: []}); without it they answer 401 like any protected route.
     */
    private static final Set<String> OWN_SECRET = Set.of("POST /api/v1/webhooks/ha");

    @Autowired
    private ApplicationContext context;

    @Test
    void everyNonPublicRouteAnswers401WithoutCredentials() {
        Set<String> routes = registeredRoutes();
        assertThat(routes)
                .as("routes found")
                .hasSizeGreaterThan(30)
                .contains("GET /api/v1/proposals", "POST /api/v1/auth/api-keys", "GET /api/v1/metrics/prometheus");
        List<String> unprotected = new ArrayList<>();
        List<String> publicButRefused = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replaceAll("\\{[^}]+}", "3f0c1c52-8f1e-4a59-9a8e-0d7b54c1a001");
            Http.Response response = call(method, path);
            if (PUBLIC.contains(route)) {
                if (response.status() == 401) {
                    publicButRefused.add(route);
                }
            } else if (response.status() != 401 || !response.body().contains("\"unauthorized\"")) {
                unprotected.add(route + " -> " + response.status());
            }
        }
        assertThat(unprotected).as("routes answering without a credential").isEmpty();
        assertThat(publicButRefused)
                .as("public routes refusing anonymous callers")
                .isEmpty();
    }

    @Test
    void theOpenApiDescriptionMarksExactlyThePublicOperationsAsNeedingNoCredential() {
        com.fasterxml.jackson.databind.JsonNode api =
                anonymous.get("/api/openapi.json").json();
        assertThat(api.get("components").get("securitySchemes").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("bearerAuth", "APIKeyHeader", "APIKeyQuery", "sessionCookie");
        Set<String> documentedPublic = new TreeSet<>();
        api.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    com.fasterxml.jackson.databind.JsonNode security =
                            operation.getValue().get("security");
                    if (security != null && security.isEmpty()) {
                        documentedPublic.add(operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                }));
        assertThat(documentedPublic)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(PUBLIC.stream(), OWN_SECRET.stream())
                        .filter(route -> route.contains(" /api/v1/"))
                        .toList());
    }

    @Test
    void swaggerUiOpensInABrowserWithoutASession() {
        Http.Response docs = anonymous.get("/api/docs");
        assertThat(docs.status()).isEqualTo(302);
        String location = docs.header("Location");
        assertThat(location).endsWith("/api/swagger-ui/index.html");
        String page = location.substring(location.indexOf("/api/swagger-ui/"));
        Http.Response index = anonymous.get(page);
        assertThat(index.status()).as(index.body()).isEqualTo(200);
        assertThat(index.body()).contains("swagger-ui");
        // What the page loads next: its script, which names the configuration, which names the document.
        assertThat(anonymous.get("/api/swagger-ui/swagger-initializer.js").status())
                .isEqualTo(200);
        assertThat(anonymous.get("/api/swagger-ui/swagger-ui-bundle.js").status())
                .isEqualTo(200);
        assertThat(anonymous.get("/api/openapi.json/swagger-config").status()).isEqualTo(200);
        // Nothing else under /api opens up with it.
        assertThat(anonymous.get("/api/swagger-uix").status()).isEqualTo(401);
    }

    @Test
    void unknownPathsAre401NotAnInventoryOfRoutes() {
        assertThat(anonymous.get("/api/v1/no-such-endpoint").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/no-such-endpoint").status()).isEqualTo(404);
    }

    private Http.Response call(String method, String path) {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return anonymous.send(
                HttpRequest.newBuilder(anonymous.uri(path)).method(method, body),
                Map.of("Content-Type", "application/json"));
    }

    private Set<String> registeredRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Set<String> patterns = info.getPathPatternsCondition() != null
                        ? info.getPathPatternsCondition().getPatternValues()
                        : info.getPatternValues();
                for (String pattern : patterns) {
                    if (methods.isEmpty()) {
                        routes.add("GET " + pattern);
                        routes.add("POST " + pattern);
                    } else {
                        methods.forEach(m -> routes.add(m.name() + " " + pattern));
                    }
                }
            }
        }
        return routes;
    }
}
