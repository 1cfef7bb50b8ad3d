package io.aether.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.error.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.OpenAPI;
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

    @Bean
    OpenAPI aetherOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Aether API")
                .version("v1")
                .description("Agents propose changes to a Home Assistant home, people approve them, Aether deploys "
                        + "and rolls them back. Every step is an event. Errors use the envelope ErrorResponse."));
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
