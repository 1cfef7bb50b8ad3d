package io.aether.agents.llm;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a model call cost, from the operator's price table. Empty when the model's price is not
 * known: usage shows a null cost then, never a guess.
 */
public interface ModelPrices {
    /** Knows no prices: every cost is unknown. */
    ModelPrices NONE = (provider, model, inputTokens, outputTokens) -> Optional.empty();

    Optional<BigDecimal> costUsd(String provider, String model, long inputTokens, long outputTokens);
}
