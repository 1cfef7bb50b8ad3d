package io.aether.api.llm;

import io.aether.agents.llm.ModelPrices;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The price table of {@link ModelPriceProperties}: cost = input tokens × input price + output
 * tokens × output price, per million, in exact decimals. Model names match ignoring case. Entries
 * of the price file win over the settings' entries; the file is read again when its modification
 * time changes (checked on each look-up at most once a second). A bad entry in the settings stops
 * the server at start-up; a bad or missing price file is logged and the last good table (or none)
 * stays in force. Unknown model: empty, never a guess.
 */
public class ConfiguredModelPrices implements ModelPrices {
    private static final Logger log = LoggerFactory.getLogger(ConfiguredModelPrices.class);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Map<String, Price> settings;
    private final Path file;
    private final long fileCheckNanos;
    private volatile Map<String, Price> fromFile = Map.of();
    private volatile FileTime fileTime;
    private volatile long checkedAt;
    private volatile boolean checkedOnce;

    /** USD per million input and output tokens. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        public BigDecimal cost(long inputTokens, long outputTokens) {
            return inputPerMillion
                    .multiply(BigDecimal.valueOf(inputTokens))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)))
                    .divide(MILLION);
        }
    }

    public ConfiguredModelPrices(ModelPriceProperties properties) {
        this(properties, Duration.ofSeconds(1));
    }

    /** {@code fileCheck}: how often at most the price file's modification time is looked at. */
    ConfiguredModelPrices(ModelPriceProperties properties, Duration fileCheck) {
        this.fileCheckNanos = fileCheck.toNanos();
        this.settings = table(properties.prices() == null ? List.of() : properties.prices(), "aether.llm.prices");
        this.file = properties.priceFile() == null
                        || properties.priceFile().toString().isBlank()
                ? null
                : properties.priceFile();
        if (file != null) {
            reloadIfChanged();
        }
    }

    @Override
    public Optional<BigDecimal> costUsd(String provider, String model, long inputTokens, long outputTokens) {
        return price(model).map(p -> p.cost(Math.max(0, inputTokens), Math.max(0, outputTokens)));
    }

    /** The price in force for a model, if any. */
    public Optional<Price> price(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        if (file != null && System.nanoTime() - checkedAt >= fileCheckNanos) {
            reloadIfChanged();
        }
        String key = key(model);
        Price price = fromFile.get(key);
        return Optional.ofNullable(price != null ? price : settings.get(key));
    }

    private synchronized void reloadIfChanged() {
        checkedAt = System.nanoTime();
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            if (!checkedOnce || fileTime != null) {
                log.warn("Price file {} does not exist: no prices from it", file);
            }
            checkedOnce = true;
            fileTime = null;
            fromFile = Map.of();
            return;
        } catch (IOException e) {
            log.warn("Price file {} cannot be read ({}): keeping the prices in force", file, e.toString());
            return;
        }
        checkedOnce = true;
        if (modified.equals(fileTime)) {
            return;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            fromFile = table(entries(root), "price file " + file);
            fileTime = modified;
            log.info("Price file {}: {} model price(s)", file, fromFile.size());
        } catch (IOException | RuntimeException e) {
            fileTime = modified; // not read again until it changes
            log.warn("Price file {} refused ({}): keeping the prices in force", file, e.getMessage());
        }
    }

    private static List<ModelPriceProperties.Price> entries(Object root) {
        if (!(root instanceof Map<?, ?> map) || !(map.get("prices") instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a list under 'prices'");
        }
        List<ModelPriceProperties.Price> entries = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException("every entry of 'prices' must be an object");
            }
            entries.add(new ModelPriceProperties.Price(
                    entry.get("model") == null ? null : String.valueOf(entry.get("model")),
                    decimal(entry.get("input-per-million")),
                    decimal(entry.get("output-per-million"))));
        }
        return entries;
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number");
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a number");
    }

    private static Map<String, Price> table(List<ModelPriceProperties.Price> entries, String source) {
        Map<String, Price> table = new HashMap<>();
        for (ModelPriceProperties.Price entry : entries) {
            String model = entry.model() == null ? "" : entry.model().strip();
            if (model.isEmpty()) {
                throw new IllegalStateException(source + ": every price needs a model");
            }
            if (entry.inputPerMillion() == null
                    || entry.outputPerMillion() == null
                    || entry.inputPerMillion().signum() < 0
                    || entry.outputPerMillion().signum() < 0) {
                throw new IllegalStateException(source + ": model '" + model
                        + "' needs input-per-million and output-per-million of at least 0");
            }
            if (table.put(key(model), new Price(entry.inputPerMillion(), entry.outputPerMillion())) != null) {
                throw new IllegalStateException(source + ": model '" + model + "' is priced twice");
            }
        }
        return Map.copyOf(table);
    }

    private static String key(String model) {
        return model.strip().toLowerCase(Locale.ROOT);
    }
}
