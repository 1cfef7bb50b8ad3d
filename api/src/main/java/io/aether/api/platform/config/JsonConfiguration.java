package io.aether.api.platform.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The HTTP mapper: snake_case, and strict about types so that wrong types are a 400, not a guess. */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        // Lone surrogates and numbers that overflow to infinity are refused while parsing.
        ObjectMapper mapper =
                builder.createXmlMapper(false).factory(new StrictJsonFactory()).build();
        // Hostile deeply nested JSON is refused while parsing (Jackson's default allows 1000 levels).
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(64).build());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // A body is one JSON value: "{...} garbage" is malformed, not "{...}".
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        // {"name": "a", "name": "b"} is ambiguous: refuse it rather than keep the last.
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(
                new SimpleModule("plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
        // No number/boolean -> string, no string/float -> integer, no string -> boolean.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
