package io.aether.domain.agent;

import java.util.List;

/**
 * What a config version sets: the model, its temperature (0–2), a fallback model, and the tools
 * and tool groups the agent may use. Any field may be null (not set).
 */
public record ConfigContent(
        String modelName,
        Double temperature,
        String fallbackModel,
        List<String> toolsEnabled,
        List<String> toolGroupsEnabled) {

    public static final double MAX_TEMPERATURE = 2.0;

    public ConfigContent {
        toolsEnabled = toolsEnabled == null ? null : List.copyOf(toolsEnabled);
        toolGroupsEnabled = toolGroupsEnabled == null ? null : List.copyOf(toolGroupsEnabled);
    }

    /** This content with the non-null fields of {@code patch} put in. */
    public ConfigContent with(ConfigContent patch) {
        return new ConfigContent(
                patch.modelName != null ? patch.modelName : modelName,
                patch.temperature != null ? patch.temperature : temperature,
                patch.fallbackModel != null ? patch.fallbackModel : fallbackModel,
                patch.toolsEnabled != null ? patch.toolsEnabled : toolsEnabled,
                patch.toolGroupsEnabled != null ? patch.toolGroupsEnabled : toolGroupsEnabled);
    }

    /** This content on another model. */
    public ConfigContent withModel(String model) {
        return new ConfigContent(model, temperature, fallbackModel, toolsEnabled, toolGroupsEnabled);
    }
}
