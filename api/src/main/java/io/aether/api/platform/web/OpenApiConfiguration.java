package io.aether.api.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.error.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description generated from the code: the HTTP mapper's names and the error envelope. */
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
        return new OpenAPI().info(new Info()
                        .title("Aether API")
                        .version("v1")
                        .description("Agents propose changes to a Home Assistant home, people approve them, Aether "
                                + "deploys and rolls them back. Every step is an event. Errors use the envelope "
                                + "ErrorResponse. Authenticate with a session token (Bearer or the aether_session "
                                + "cookie) or an API key (X-API-Key header or api_key query parameter)."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes(API_KEY_HEADER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes(API_KEY_QUERY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.QUERY).name("api_key"))
                        .addSecuritySchemes(COOKIE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("aether_session")))
                .security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY_HEADER),
                        new SecurityRequirement().addList(API_KEY_QUERY), new SecurityRequirement().addList(COOKIE)));
    }

    private static final String BEARER = "bearerAuth";
    private static final String API_KEY_HEADER = "APIKeyHeader";
    private static final String API_KEY_QUERY = "APIKeyQuery";
    private static final String COOKIE = "sessionCookie";

    /** Every operation may answer 4xx/5xx in the error envelope. */
    @Bean
    OpenApiCustomizer errorEnvelopeResponses(ModelResolver snakeCase) {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(snakeCase);
        return openApi -> {
            converters.readAll(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            Schema<?> envelope = new Schema<>().$ref("#/components/schemas/ErrorResponse");
            Content content = new Content().addMediaType("application/json", new MediaType().schema(envelope));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                operation.getResponses().addApiResponse("4XX",
                        new ApiResponse().description("Refused: bad input, missing, conflict, too large").content(content));
                operation.getResponses().addApiResponse("5XX",
                        new ApiResponse().description("Home Assistant or database unavailable, or internal error")
                                .content(content));
            }));
        };
    }
}
