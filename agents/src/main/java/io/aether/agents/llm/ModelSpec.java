package io.aether.agents.llm;

import java.util.Objects;

/**
 * Everything a chat model is built from: the provider settings, the model, the temperature and
 * the fallback model. Equal content means the same model, so {@link ChatModels} caches by it: an
 * agent whose active config changed asks with a new spec and gets a newly built model.
 *
 * @param temperature   0 to 2; null: the provider's default
 * @param fallbackModel tried when the model fails (same provider); null or the model itself: none
 */
public record ModelSpec(LlmSettings settings, String modelName, Double temperature, String fallbackModel) {

    public ModelSpec {
        Objects.requireNonNull(settings, "settings");
        modelName = modelName == null || modelName.isBlank() ? settings.model() : modelName.trim();
        fallbackModel = fallbackModel == null
                        || fallbackModel.isBlank()
                        || fallbackModel.trim().equals(modelName)
                ? null
                : fallbackModel.trim();
        if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
    }

    /** The configured default model at the provider's default temperature. */
    public static ModelSpec defaults(LlmSettings settings) {
        return new ModelSpec(settings, null, null, null);
    }

    /** An agent's active config on these settings (model null: the configured default model). */
    public static ModelSpec of(LlmSettings settings, String modelName, Double temperature, String fallbackModel) {
        return new ModelSpec(settings, modelName, temperature, fallbackModel);
    }

    public ModelSpec withTemperature(Double value) {
        return new ModelSpec(settings, modelName, value, fallbackModel);
    }
}
