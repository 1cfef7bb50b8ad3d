package io.aether.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.agents.llm.ModelPrices;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The operator's price table as the server reads it: exact costs per million tokens, model names
 * matched ignoring case, an unknown model without a cost (never a guess), a price file that wins
 * over the settings and is read again when it changes, bad settings refused at start-up.
 */
class ModelPricesTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Properties.class, LlmConfiguration.class);

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LlmProperties.class, ModelPriceProperties.class})
    static class Properties {}

    @Test
    void pricedModelsCostExactlyTheirTokensAndUnknownModelsCostNothingKnown() {
        context.withPropertyValues(
                        "aether.llm.prices[0].model=gpt-4o-mini",
                        "aether.llm.prices[0].input-per-million=0.15",
                        "aether.llm.prices[0].output-per-million=0.60",
                        "aether.llm.prices[1].model=llama3.2",
                        "aether.llm.prices[1].input-per-million=0",
                        "aether.llm.prices[1].output-per-million=0")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    ModelPrices prices = app.getBean(ModelPrices.class);
                    // 1,000 × 0.15 / 1e6 + 500 × 0.60 / 1e6 = 0.00015 + 0.0003
                    assertThat(prices.costUsd("openai", "gpt-4o-mini", 1000, 500))
                            .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.00045"));
                    assertThat(prices.costUsd("openai", "GPT-4o-Mini", 1, 0))
                            .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.00000015"));
                    assertThat(prices.costUsd("ollama", "llama3.2", 123_456, 7_890))
                            .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo(BigDecimal.ZERO));
                    assertThat(prices.costUsd("openai", "gpt-5", 1000, 500)).isEmpty();
                    assertThat(prices.costUsd("openai", null, 1000, 500)).isEmpty();
                });
    }

    @Test
    void withoutAnyPriceEveryCostIsUnknown() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean(ModelPrices.class).costUsd("openai", "gpt-4o-mini", 10, 10))
                    .isEmpty();
        });
    }

    @Test
    void aPriceWithoutBothRatesOrBelowZeroOrTwiceStopsTheStart() {
        context.withPropertyValues("aether.llm.prices[0].model=gpt-4o", "aether.llm.prices[0].input-per-million=2.5")
                .run(app -> assertThat(app)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gpt-4o")
                        .hasMessageContaining("output-per-million"));
        context.withPropertyValues(
                        "aether.llm.prices[0].model=gpt-4o",
                        "aether.llm.prices[0].input-per-million=-1",
                        "aether.llm.prices[0].output-per-million=10")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("at least 0"));
        context.withPropertyValues(
                        "aether.llm.prices[0].input-per-million=1", "aether.llm.prices[0].output-per-million=1")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("needs a model"));
        context.withPropertyValues(
                        "aether.llm.prices[0].model=gpt-4o",
                        "aether.llm.prices[0].input-per-million=1",
                        "aether.llm.prices[0].output-per-million=1",
                        "aether.llm.prices[1].model=GPT-4o",
                        "aether.llm.prices[1].input-per-million=2",
                        "aether.llm.prices[1].output-per-million=2")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("priced twice"));
    }

    @Test
    void thePriceFileWinsOverTheSettingsAndIsReadAgainWhenItChanges() throws IOException {
        Path file = dir.resolve("prices.yml");
        write(file, """
                prices:
                  - model: gpt-4o
                    input-per-million: 2.50
                    output-per-million: 10
                """, 1);
        ConfiguredModelPrices prices = new ConfiguredModelPrices(
                new ModelPriceProperties(
                        List.of(
                                new ModelPriceProperties.Price("gpt-4o", BigDecimal.ONE, BigDecimal.ONE),
                                new ModelPriceProperties.Price("local", BigDecimal.ZERO, BigDecimal.ZERO)),
                        file),
                Duration.ZERO);
        assertThat(prices.costUsd("openai", "gpt-4o", 1_000_000, 100_000))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("3.5"));
        assertThat(prices.costUsd("ollama", "local", 5, 5)).isPresent();

        // JSON is YAML too; the new table replaces the old one (gpt-4o now only from the settings).
        write(file, """
                {"prices": [{"model": "claude-sonnet", "input-per-million": "3", "output-per-million": "15"}]}""", 2);
        assertThat(prices.costUsd("anthropic", "claude-sonnet", 1000, 1000))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.018"));
        assertThat(prices.costUsd("openai", "gpt-4o", 1_000_000, 0))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("1"));

        // A file that cannot be used is refused and the table in force stays.
        write(file, "prices: [{model: broken, input-per-million: lots}]", 3);
        assertThat(prices.costUsd("anthropic", "claude-sonnet", 1000, 1000)).isPresent();
        assertThat(prices.costUsd("x", "broken", 1, 1)).isEmpty();

        // A file that is gone prices nothing any more; the settings still do.
        Files.delete(file);
        assertThat(prices.costUsd("anthropic", "claude-sonnet", 1000, 1000)).isEmpty();
        assertThat(prices.price("gpt-4o"))
                .isEqualTo(Optional.of(new ConfiguredModelPrices.Price(BigDecimal.ONE, BigDecimal.ONE)));
    }

    private static void write(Path file, String text, int second) throws IOException {
        Files.writeString(file, text);
        // Distinct modification times, however coarse the file system's clock.
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second)));
    }
}
