package io.aether.api.energy;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Electricity tariffs (docs/configuration.md): {@code aether.energy.tariffs[i].name|rate|start|end}
 * (env {@code AETHER_ENERGY_TARIFFS_0_NAME}, ...). Without any, {@link EnergyTariffs#DEFAULTS}
 * answer and {@code configured} is false.
 *
 * @param currency ISO 4217 code the rates are in
 * @param tariffs  time-of-day bands: rate per kWh from {@code start} (HH:MM, inclusive) to {@code end} (exclusive)
 */
@ConfigurationProperties("aether.energy")
public record EnergyTariffProperties(@DefaultValue("EUR") String currency, List<Band> tariffs) {

    public record Band(String name, BigDecimal rate, String start, String end) {}
}
