package io.aether.api.energy;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The configured electricity tariffs the energy analysis prices with, checked at start-up: every
 * band needs a name, a rate of at least 0 and HH:MM start and end (a band whose end is before its
 * start runs over midnight). The bands should cover the day; an hour no band covers has no rate.
 */
@Component
public class EnergyTariffs {
    /** Used when none are configured: a common two-band day/night tariff. */
    static final List<Tariff> DEFAULTS = List.of(
            new Tariff("peak", new BigDecimal("0.30"), LocalTime.of(7, 0), LocalTime.of(23, 0)),
            new Tariff("off_peak", new BigDecimal("0.15"), LocalTime.of(23, 0), LocalTime.of(7, 0)));

    private final String currency;
    private final List<Tariff> tariffs;
    private final boolean configured;

    public record Tariff(String name, BigDecimal rate, LocalTime start, LocalTime end) {
        public boolean covers(LocalTime time) {
            if (start.equals(end)) {
                return true; // the whole day
            }
            return start.isBefore(end)
                    ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }
    }

    public EnergyTariffs(EnergyTariffProperties properties) {
        this.currency = properties.currency() == null || properties.currency().isBlank()
                ? "EUR"
                : properties.currency().strip().toUpperCase(Locale.ROOT);
        List<EnergyTariffProperties.Band> bands = properties.tariffs() == null ? List.of() : properties.tariffs();
        this.configured = !bands.isEmpty();
        this.tariffs = configured ? bands.stream().map(EnergyTariffs::tariff).toList() : DEFAULTS;
    }

    public String currency() {
        return currency;
    }

    public List<Tariff> tariffs() {
        return tariffs;
    }

    /** False when the built-in defaults answer. */
    public boolean configured() {
        return configured;
    }

    /** The band that covers this time of day (the first, when bands overlap). */
    public Optional<Tariff> at(LocalTime time) {
        return tariffs.stream().filter(t -> t.covers(time)).findFirst();
    }

    private static Tariff tariff(EnergyTariffProperties.Band band) {
        String name = band.name() == null ? "" : band.name().strip();
        if (name.isEmpty()) {
            throw new IllegalStateException("aether.energy.tariffs: every tariff needs a name");
        }
        if (band.rate() == null || band.rate().signum() < 0) {
            throw new IllegalStateException("aether.energy.tariffs: tariff '" + name + "' needs a rate of at least 0");
        }
        return new Tariff(name, band.rate(), time(name, "start", band.start()), time(name, "end", band.end()));
    }

    private static LocalTime time(String name, String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "aether.energy.tariffs: tariff '" + name + "' needs " + field + " as HH:MM, not '" + value + "'");
        }
    }
}
