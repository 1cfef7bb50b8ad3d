package io.aether.api.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.api.mirror.EntityQueryParser.Area;
import io.aether.api.mirror.EntityQueryParser.Filter;
import io.aether.api.mirror.EntityQueryParser.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The question parser alone: areas, kinds, states, filler and name words, without a database. */
class EntityQueryParserTest {
    private static final List<Area> AREAS = List.of(
            new Area("kitchen", "Kitchen"),
            new Area("living_room", "Living room"),
            new Area("bedroom_2", "Guest bedroom"),
            new Area("garage", "Garage"));

    private static Filter parse(String question) {
        return EntityQueryParser.parse(question, AREAS);
    }

    @Test
    void lightsOnInTheKitchen() {
        Filter f = parse("Lights on in the kitchen");
        assertThat(f.kinds()).containsExactly(new Kind("light", null));
        assertThat(f.states()).containsExactly("on");
        assertThat(f.areaIds()).containsExactly("kitchen");
        assertThat(f.terms()).isEmpty();
        assertThat(f.describe()).isEqualTo("kind light; state on; area kitchen");
    }

    @Test
    void whichDoorsAreOpen() {
        Filter f = parse("Which doors are open?");
        assertThat(f.kinds())
                .containsExactly(
                        new Kind("binary_sensor", "door"),
                        new Kind("binary_sensor", "garage_door"),
                        new Kind("cover", "door"),
                        new Kind("cover", "garage"));
        assertThat(f.states()).containsExactly("on", "open", "opening");
        assertThat(f.areaIds()).isEmpty();
    }

    @Test
    void temperatureInTheBedroomIsANameWordWhenNoAreaIsCalledThat() {
        Filter f = parse("temperature in the bedroom");
        assertThat(f.kinds()).containsExactly(new Kind("sensor", "temperature"));
        assertThat(f.terms()).containsExactly("bedroom");
        // The guest bedroom is an area by its full name, and by its id.
        assertThat(parse("temperature in the guest bedroom").areaIds()).containsExactly("bedroom_2");
        assertThat(parse("temperature in bedroom 2").areaIds()).containsExactly("bedroom_2");
    }

    @Test
    void areasAreMatchedLongestFirstAndBeforeFillerWords() {
        Filter f = parse("what is on in the living room and the kitchen");
        assertThat(f.areaIds()).containsExactly("living_room", "kitchen");
        assertThat(f.states()).containsExactly("on");
        assertThat(f.terms()).isEmpty();
    }

    @Test
    void aDeviceClassNarrowsItsDomainWord() {
        assertThat(parse("power sensors").kinds()).containsExactly(new Kind("sensor", "power"));
        assertThat(parse("motion sensors in the garage").kinds()).containsExactly(new Kind("binary_sensor", "motion"));
        assertThat(parse("lights and switches").kinds())
                .containsExactly(new Kind("light", null), new Kind("switch", null));
    }

    @Test
    void statesNamesAndPeople() {
        assertThat(parse("unavailable devices").states()).containsExactly("unavailable");
        assertThat(parse("who is home").kinds()).containsExactly(new Kind("person", null));
        assertThat(parse("who is home").states()).containsExactly("home");
        assertThat(parse("which people are home").states()).containsExactly("home");
        assertThat(parse("lights on at home").states()).containsExactly("on");
        Filter names = parse("Coffee machines");
        assertThat(names.terms()).containsExactly("coffee", "machine");
        assertThat(parse("Café lamps").terms()).containsExactly("cafe");
        assertThat(parse("what is there?").isEmpty()).isTrue();
        assertThat(parse("what is there?").describe()).startsWith("no entity kinds");
    }

    @Test
    void theSameQuestionAlwaysReadsTheSame() {
        assertThat(parse("Lights ON in the Kitchen!!")).isEqualTo(parse("lights on in the kitchen"));
    }
}
