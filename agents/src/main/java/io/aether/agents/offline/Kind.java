package io.aether.agents.offline;

import io.aether.agents.offline.HomeView.Entity;
import java.util.List;
import java.util.Set;

/**
 * The kinds of thing people name in a sentence ("lights", "lamp", "thermostat", "motion sensor"),
 * with the words for them and which entities they cover. Nouns are singular; plurals are found
 * with {@link Text#singular}.
 */
enum Kind {
    LIGHT("light", "lights", List.of("light", "lamp", "bulb", "lightbulb", "lighting", "spotlight")),
    SWITCH("switch", "switches", List.of("switch", "plug", "socket", "outlet")),
    LOCK("lock", "locks", List.of("lock")),
    CLIMATE("thermostat", "thermostats", List.of("thermostat", "heating", "heater", "climate", "radiator", "ac")),
    BLIND("blind", "blinds", List.of("blind", "shutter", "curtain", "shade", "awning")),
    COVER("cover", "covers", List.of("cover")),
    FAN("fan", "fans", List.of("fan")),
    MEDIA_PLAYER("media player", "media players", List.of("media player", "tv", "television", "speaker")),
    MOTION_SENSOR(
            "motion sensor",
            "motion sensors",
            List.of("motion sensor", "motion detector", "occupancy sensor", "presence sensor")),
    TEMPERATURE_SENSOR(
            "temperature sensor", "temperature sensors", List.of("temperature sensor", "thermometer", "temperature")),
    HUMIDITY_SENSOR("humidity sensor", "humidity sensors", List.of("humidity sensor", "humidity")),
    DOOR("door", "doors", List.of("door")),
    WINDOW("window", "windows", List.of("window")),
    SENSOR("sensor", "sensors", List.of("sensor", "detector")),
    ANY("device", "devices", List.of("device", "entity", "thing", "everything", "anything", "appliance"));

    private static final Set<String> OPENINGS = Set.of("door", "garage_door", "opening", "window", "garage", "gate");

    final String singular;
    final String plural;
    final List<String> nouns;

    Kind(String singular, String plural, List<String> nouns) {
        this.singular = singular;
        this.plural = plural;
        this.nouns = nouns;
    }

    /** The noun for this many. */
    String noun(int count) {
        return count == 1 ? singular : plural;
    }

    /** Whether the entity is one of these. */
    boolean covers(Entity e) {
        String dc = e.deviceClass() == null ? "" : e.deviceClass();
        return switch (this) {
            case LIGHT -> e.domain().equals("light");
            case SWITCH -> e.domain().equals("switch");
            case LOCK -> e.domain().equals("lock");
            case CLIMATE -> e.domain().equals("climate");
            case BLIND ->
                e.domain().equals("cover")
                        && !Set.of("door", "garage", "gate", "window").contains(dc);
            case COVER -> e.domain().equals("cover");
            case FAN -> e.domain().equals("fan");
            case MEDIA_PLAYER -> e.domain().equals("media_player");
            case MOTION_SENSOR ->
                e.domain().equals("binary_sensor")
                        && Set.of("motion", "occupancy", "presence").contains(dc);
            case TEMPERATURE_SENSOR -> e.domain().equals("sensor") && dc.equals("temperature");
            case HUMIDITY_SENSOR -> e.domain().equals("sensor") && dc.equals("humidity");
            case DOOR ->
                (e.domain().equals("binary_sensor") || e.domain().equals("cover"))
                        && Set.of("door", "garage_door", "garage", "opening", "gate")
                                .contains(dc);
            case WINDOW -> (e.domain().equals("binary_sensor") || e.domain().equals("cover")) && dc.equals("window");
            case SENSOR -> e.domain().equals("sensor") || e.domain().equals("binary_sensor");
            case ANY -> true;
        };
    }

    /** Whether a binary sensor or cover reports open and closed. */
    static boolean isOpening(Entity e) {
        return e.domain().equals("cover")
                || (e.domain().equals("binary_sensor") && OPENINGS.contains(String.valueOf(e.deviceClass())));
    }

    /** The main kind of an entity, for naming it ("the Hall light"). */
    static Kind of(Entity e) {
        for (Kind k : values()) {
            if (k != SENSOR && k != ANY && k != DOOR && k != WINDOW && k.covers(e)) {
                return k;
            }
        }
        if (DOOR.covers(e)) {
            return DOOR;
        }
        if (WINDOW.covers(e)) {
            return WINDOW;
        }
        return SENSOR.covers(e) ? SENSOR : ANY;
    }

    /** The canonical word for a single-word noun ("lamp" → "light"), or the word itself. */
    static String canonical(String word) {
        String s = Text.singular(word);
        for (Kind k : values()) {
            if (k == ANY || k == TEMPERATURE_SENSOR || k == HUMIDITY_SENSOR) {
                continue;
            }
            for (String noun : k.nouns) {
                if (!noun.contains(" ") && noun.equals(s)) {
                    return k.nouns.get(0);
                }
            }
        }
        return word;
    }

    /**
     * A kind named in the words, longest noun first.
     *
     * @return the match, or null
     */
    static Match find(List<String> words) {
        Match best = null;
        for (Kind k : values()) {
            for (String noun : k.nouns) {
                List<String> nounWords = List.of(noun.split(" "));
                for (int i = 0; i + nounWords.size() <= words.size(); i++) {
                    boolean all = true;
                    for (int j = 0; j < nounWords.size() && all; j++) {
                        all = Text.singular(words.get(i + j)).equals(nounWords.get(j));
                    }
                    if (all && (best == null || nounWords.size() > best.length())) {
                        String last = words.get(i + nounWords.size() - 1);
                        boolean plural = !last.equals(nounWords.get(nounWords.size() - 1));
                        best = new Match(k, i, nounWords.size(), plural);
                    }
                }
            }
        }
        return best;
    }

    /** A kind found at words [start, start + length). */
    record Match(Kind kind, int start, int length, boolean plural) {}
}
