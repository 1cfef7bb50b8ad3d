package io.aether.api.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.error.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description generated from the code: the HTTP mapper's names, nullable properties,
 * the success statuses handlers set at run time, and the error envelope.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Describe bodies with the mapper that writes them, so property names are snake_case as on the wire. */
    @Bean
    ModelResolver modelResolver(ObjectMapper objectMapper) {
        return new ModelResolver(objectMapper);
    }

    /**
     * Any one of the four credentials authenticates; public operations say {@code security: []}
     * (controllers mark them with an empty {@code @SecurityRequirements}).
     */
    @Bean
    OpenAPI aetherOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Aether API")
                        .version("v1")
                        .description("Agents propose changes to a Home Assistant home, people approve them, Aether "
                                + "deploys and rolls them back. Every step is an event. Errors use the envelope "
                                + "ErrorResponse. Authenticate with a session token (Bearer or the aether_session "
                                + "cookie) or an API key (X-API-Key header or api_key query parameter)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSecuritySchemes(
                                API_KEY_HEADER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key"))
                        .addSecuritySchemes(
                                API_KEY_QUERY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.QUERY)
                                        .name("api_key"))
                        .addSecuritySchemes(
                                COOKIE,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("aether_session")))
                .security(List.of(
                        new SecurityRequirement().addList(BEARER),
                        new SecurityRequirement().addList(API_KEY_HEADER),
                        new SecurityRequirement().addList(API_KEY_QUERY),
                        new SecurityRequirement().addList(COOKIE)));
    }

    private static final String BEARER = "bearerAuth";
    private static final String API_KEY_HEADER = "APIKeyHeader";
    private static final String API_KEY_QUERY = "APIKeyQuery";
    private static final String COOKIE = "sessionCookie";

    /**
     * Statuses that handlers set on their ResponseEntity at run time, which springdoc cannot see
     * (it lists 200 for them): "method path" to the success statuses of that operation. The body
     * of each is the one springdoc found; 204 has none. OpenApiContractTest fails on any real
     * answer whose status is missing here.
     */
    private static final Map<String, List<String>> SUCCESS_STATUSES = Map.ofEntries(
            Map.entry("post /api/v1/proposals", List.of("201")),
            Map.entry("post /api/v1/proposals/{id}/deploy", List.of("200", "202")),
            Map.entry("post /api/v1/proposals/{id}/rollback", List.of("200", "202")),
            Map.entry("delete /api/v1/proposals/{id}", List.of("204")),
            Map.entry("post /api/v1/auth/api-keys", List.of("201")),
            Map.entry("post /api/v1/tool-groups", List.of("201")),
            Map.entry("post /api/v1/insights", List.of("201")),
            Map.entry("post /api/v1/insights/analyze", List.of("202")),
            Map.entry("post /api/v1/optimize", List.of("202")),
            Map.entry("post /api/v1/optimize/suggestions/{suggestionId}/accept", List.of("202")),
            Map.entry("delete /api/v1/insights/{id}", List.of("204")),
            Map.entry("post /api/v1/insight-schedules", List.of("201")),
            Map.entry("post /api/v1/workflows/definitions", List.of("201")),
            Map.entry("delete /api/v1/insight-schedules/{id}", List.of("204")),
            Map.entry("post /api/v1/zones", List.of("201")),
            Map.entry("post /api/v1/models/ratings", List.of("201")),
            Map.entry("post /api/v1/flow-grades", List.of("201")),
            Map.entry("delete /api/v1/flow-grades/{gradeId}", List.of("204")),
            Map.entry("delete /api/v1/zones/{zoneId}", List.of("204")),
            Map.entry("post /api/v1/projections/{name}/rebuild", List.of("202")),
            Map.entry("post /api/v1/admin/projections/{name}/replay", List.of("202")),
            Map.entry("delete /api/v1/admin/dead-letters/{id}", List.of("204")),
            Map.entry("post /api/v1/agents/seed", List.of("201")),
            Map.entry("post /api/v1/agents/{name}/clone", List.of("201")),
            Map.entry("post /api/v1/agents/{name}/config/versions", List.of("201")),
            Map.entry("delete /api/v1/agents/{name}/config/versions/{versionId}", List.of("204")),
            Map.entry("post /api/v1/agents/{name}/prompt/versions", List.of("201")),
            Map.entry("delete /api/v1/agents/{name}/prompt/versions/{versionId}", List.of("204")));

    private static final Map<String, String> SUCCESS_DESCRIPTIONS = Map.of(
            "200", "OK",
            "201", "Created",
            "202", "Accepted: still in progress; GET the resource for the outcome",
            "204", "Done; no body");

    @Bean
    OpenApiCustomizer successStatuses() {
        return openApi -> SUCCESS_STATUSES.forEach((operationKey, statuses) -> {
            String[] methodAndPath = operationKey.split(" ", 2);
            PathItem path = openApi.getPaths().get(methodAndPath[1]);
            Operation operation = path == null
                    ? null
                    : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0].toUpperCase()));
            if (operation == null) {
                throw new IllegalStateException("No operation " + operationKey + " to document statuses for");
            }
            ApiResponse found = operation.getResponses().remove("200");
            ApiResponses responses = new ApiResponses();
            for (String status : statuses) {
                ApiResponse response = new ApiResponse().description(SUCCESS_DESCRIPTIONS.get(status));
                if (!status.equals("204") && found != null) {
                    response.content(found.getContent());
                }
                responses.addApiResponse(status, response);
            }
            responses.putAll(operation.getResponses());
            operation.setResponses(responses);
        });
    }

    /**
     * A property may be null on the wire unless its Java type is primitive or it is required
     * ({@code @NotNull}, {@code @NotBlank}, {@code @Schema(requiredMode = REQUIRED)}): records are
     * written with their null components. The property is marked here, where its Java type is
     * known, and {@link #wireTypes()} turns the mark into OpenAPI 3.1's {@code "null"} type (swagger
     * copies property schemas in a form that would drop the type set now). Named models (objects
     * referenced by {@code $ref}) are left as they are.
     */
    @Bean
    PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            if (property != null
                    && property.get$ref() == null
                    && property.getName() == null
                    && !isPrimitive(type.getType())
                    && !isRequired(type.getCtxAnnotations())) {
                property.addExtension(NULLABLE, true);
            }
            return property;
        };
    }

    private static final String NULLABLE = "x-aether-nullable";

    /**
     * The final pass over the models: marked properties admit null (a {@code "null"} type, and
     * null in an enum); a Java {@code Object} value (such as in {@code Map<String, Object>}) is any
     * JSON value, not only an object.
     */
    @Bean
    OpenApiCustomizer wireTypes() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            for (Schema<?> model : openApi.getComponents().getSchemas().values()) {
                if (model.getProperties() == null) {
                    continue;
                }
                for (Schema<?> property : model.getProperties().values()) {
                    anyValue(property);
                    if (property.getExtensions() != null
                            && property.getExtensions().remove(NULLABLE) != null) {
                        admitNull(property);
                    }
                    if (property.getExtensions() != null
                            && property.getExtensions().isEmpty()) {
                        property.setExtensions(null);
                    }
                }
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void admitNull(Schema property) {
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty()) {
            // No type: any value, null included, is allowed already.
            return;
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
    }

    private static void anyValue(Schema<?> property) {
        if (property.getAdditionalProperties() instanceof Schema<?> values
                && values.get$ref() == null
                && values.getProperties() == null
                && isOnlyObject(values)) {
            property.setAdditionalProperties(new Schema<>());
        }
    }

    private static boolean isOnlyObject(Schema<?> schema) {
        Set<String> types = schema.getTypes();
        return types != null ? types.equals(Set.of("object")) : "object".equals(schema.getType());
    }

    private static boolean isPrimitive(Type type) {
        return type instanceof Class<?> c ? c.isPrimitive() : type instanceof JavaType j && j.isPrimitive();
    }

    private static boolean isRequired(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof NotNull
                    || annotation instanceof NotBlank
                    || annotation instanceof NotEmpty
                    || annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                            && (schema.requiredMode() == RequiredMode.REQUIRED || schema.required())) {
                return true;
            }
        }
        return false;
    }

    /** Every operation may answer 4xx/5xx in the error envelope. */
    @Bean
    OpenApiCustomizer errorEnvelopeResponses(ModelResolver snakeCase) {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(snakeCase);
        return openApi -> {
            converters.readAll(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            Schema<?> envelope = new Schema<>().$ref("#/components/schemas/ErrorResponse");
            Content content = new Content().addMediaType("application/json", new MediaType().schema(envelope));
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        operation
                                .getResponses()
                                .addApiResponse(
                                        "4XX",
                                        new ApiResponse()
                                                .description("Refused: bad input, missing, conflict, too large")
                                                .content(content));
                        operation
                                .getResponses()
                                .addApiResponse(
                                        "5XX",
                                        new ApiResponse()
                                                .description(
                                                        "Home Assistant or database unavailable, or internal error")
                                                .content(content));
                    }));
        };
    }
}
