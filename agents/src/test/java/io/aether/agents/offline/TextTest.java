package io.aether.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void anAdjacentSwapIsOneEdit() {
        assertThat(Text.distance("kitchn", "kitchen")).isEqualTo(1);
        assertThat(Text.distance("ktichen", "kitchen")).isEqualTo(1);
        assertThat(Text.distance("hall", "hall")).isZero();
    }

    @Test
    void shortWordsMustBeExactAndLongerOnesMayBeATypoApart() {
        assertThat(Text.likeness("on", "in")).isZero();
        assertThat(Text.likeness("lights", "light")).isEqualTo(1);
        assertThat(Text.likeness("kitchn", "kitchen")).isEqualTo(0.8);
        assertThat(Text.likeness("thermostst", "thermostat")).isEqualTo(0.8);
        assertThat(Text.likeness("garden", "garage")).isZero();
    }

    @Test
    void normalizingDropsPunctuationAndFillersButKeepsNumbers() {
        assertThat(Text.normalize("Hey Aether, could you please set the Bedroom light to 50%?"))
                .isEqualTo("set the bedroom light to 50 percent");
        assertThat(Text.normalize("What's the temperature at 7:30? It's 21.5°C."))
                .isEqualTo("what is the temperature at 7:30 it is 21.5 degrees");
    }

    @Test
    void similarityIsDiceOverPairedWords() {
        assertThat(Text.similarity(List.of("front", "door"), List.of("front", "door")))
                .isEqualTo(1);
        assertThat(Text.similarity(List.of("front", "door"), List.of("front", "door", "contact")))
                .isEqualTo(0.8);
    }
}
