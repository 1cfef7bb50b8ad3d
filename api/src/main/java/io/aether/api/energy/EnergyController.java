package io.aether.api.energy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The electricity tariffs the energy analysis prices with, as configured. */
@RestController
@RequestMapping(path = "/api/v1/energy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Energy", description = "Electricity tariffs")
public class EnergyController {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final EnergyTariffs tariffs;
    private final Clock clock;

    public EnergyController(EnergyTariffs tariffs, Clock clock) {
        this.tariffs = tariffs;
        this.clock = clock;
    }

    public record Tariff(String name, BigDecimal rate, String start, String end) {}

    /**
     * {@code configured}: false when the built-in defaults answer; {@code current_*}: the band
     * that covers the server's time of day now (null when none does).
     */
    public record Tariffs(
            boolean configured,
            String source,
            String currency,
            String unit,
            List<Tariff> tariffs,
            String currentTariff,
            BigDecimal currentRate) {}

    @GetMapping("/tariffs")
    @Operation(
            summary = "The configured electricity tariffs (time-of-day bands, rate per kWh) and the one in force now")
    public Tariffs tariffs() {
        Optional<EnergyTariffs.Tariff> now = tariffs.at(LocalTime.now(clock.withZone(ZoneId.systemDefault())));
        return new Tariffs(
                tariffs.configured(),
                tariffs.configured() ? "configuration" : "defaults",
                tariffs.currency(),
                "kWh",
                tariffs.tariffs().stream()
                        .map(t -> new Tariff(t.name(), t.rate(), HH_MM.format(t.start()), HH_MM.format(t.end())))
                        .toList(),
                now.map(EnergyTariffs.Tariff::name).orElse(null),
                now.map(EnergyTariffs.Tariff::rate).orElse(null));
    }
}
