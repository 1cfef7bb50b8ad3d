package io.aether.api.llm;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's price table for model calls (docs/configuration.md):
 * {@code aether.llm.prices[i].model|input-per-million|output-per-million} in USD (env
 * {@code AETHER_LLM_PRICES_0_MODEL}, {@code AETHER_LLM_PRICES_0_INPUTPERMILLION}, ...) and/or {@code aether.llm.price-file}
 * ({@code AETHER_LLM_PRICE_FILE}), a YAML or JSON file of the same entries under {@code prices},
 * read again when it changes. A model in neither has no price: its calls cost null.
 */
@ConfigurationProperties("aether.llm")
public record ModelPriceProperties(List<Price> prices, Path priceFile) {

    /** USD per million input (prompt) and output (completion) tokens. */
    public record Price(String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}
}
