package io.aether.api.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configured tariffs win over the defaults, are checked at start-up, and cover the day as given. */
class EnergyTariffsTest {

    @Test
    void configuredBandsReplaceTheDefaultsAndRunOverMidnight() {
        EnergyTariffs tariffs = new EnergyTariffs(new EnergyTariffProperties(
                "gbp",
                List.of(
                        new EnergyTariffProperties.Band("day", new BigDecimal("0.28"), "06:30", "00:30"),
                        new EnergyTariffProperties.Band("night", new BigDecimal("0.09"), "00:30", "06:30"))));
        assertThat(tariffs.configured()).isTrue();
        assertThat(tariffs.currency()).isEqualTo("GBP");
        assertThat(tariffs.tariffs()).extracting(EnergyTariffs.Tariff::name).containsExactly("day", "night");
        assertThat(tariffs.at(LocalTime.of(0, 10)).orElseThrow().name()).isEqualTo("day");
        assertThat(tariffs.at(LocalTime.of(0, 30)).orElseThrow().name()).isEqualTo("night");
        assertThat(tariffs.at(LocalTime.of(6, 30)).orElseThrow().name()).isEqualTo("day");
    }

    @Test
    void withoutConfigurationTheDefaultsAnswer() {
        EnergyTariffs tariffs = new EnergyTariffs(new EnergyTariffProperties("EUR", null));
        assertThat(tariffs.configured()).isFalse();
        assertThat(tariffs.tariffs()).isEqualTo(EnergyTariffs.DEFAULTS);
        assertThat(tariffs.at(LocalTime.of(12, 0)).orElseThrow().name()).isEqualTo("peak");
        assertThat(tariffs.at(LocalTime.of(2, 0)).orElseThrow().name()).isEqualTo("off_peak");
    }

    @Test
    void badBandsStopTheStart() {
        assertThatThrownBy(() -> of(new EnergyTariffProperties.Band(" ", BigDecimal.ONE, "00:00", "12:00")))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> of(new EnergyTariffProperties.Band("x", new BigDecimal("-1"), "00:00", "12:00")))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> of(new EnergyTariffProperties.Band("x", BigDecimal.ONE, "25:00", "12:00")))
                .hasMessageContaining("start as HH:MM");
        assertThatThrownBy(() -> of(new EnergyTariffProperties.Band("x", BigDecimal.ONE, "00:00", null)))
                .hasMessageContaining("end as HH:MM");
    }

    private static EnergyTariffs of(EnergyTariffProperties.Band band) {
        return new EnergyTariffs(new EnergyTariffProperties("EUR", List.of(band)));
    }
}
