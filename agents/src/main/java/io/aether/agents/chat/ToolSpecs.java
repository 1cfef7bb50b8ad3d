package io.aether.agents.chat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.aether.domain.tool.ToolDefinition;
import java.util.List;
import java.util.Map;

/** A registry tool ({@link ToolDefinition}, JSON schema as maps) as LangChain4j's {@link ToolSpecification}. */
final class ToolSpecs {
    private ToolSpecs() {}

    static ToolSpecification of(ToolDefinition tool) {
        return ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description())
                .parameters(object(tool.parameters()))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static JsonObjectSchema object(Map<String, Object> schema) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder();
        if (schema.get("description") instanceof String d) {
            b.description(d);
        }
        Object props = schema.get("properties");
        if (props instanceof Map<?, ?> map) {
            map.forEach((name, value) -> b.addProperty((String) name, element((Map<String, Object>) value)));
        }
        if (schema.get("required") instanceof List<?> required && !required.isEmpty()) {
            b.required(required.stream().map(Object::toString).toList());
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static JsonSchemaElement element(Map<String, Object> schema) {
        String description = schema.get("description") instanceof String d ? d : null;
        if (schema.get("enum") instanceof List<?> values) {
            return JsonEnumSchema.builder()
                    .description(description)
                    .enumValues(values.stream().map(Object::toString).toList())
                    .build();
        }
        String type = String.valueOf(schema.get("type"));
        return switch (type) {
            case "integer" ->
                JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" ->
                JsonBooleanSchema.builder().description(description).build();
            case "array" ->
                JsonArraySchema.builder()
                        .description(description)
                        .items(
                                schema.get("items") instanceof Map<?, ?> items
                                        ? element((Map<String, Object>) items)
                                        : JsonStringSchema.builder().build())
                        .build();
            case "object" -> object(schema);
            default -> JsonStringSchema.builder().description(description).build();
        };
    }
}
