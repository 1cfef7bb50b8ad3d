package io.aether.api.mirror;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a question about the home ("lights on in the kitchen", "which doors are open",
 * "temperature in the bedroom") as a filter over the entity mirror, without a language model: the
 * words are matched, in this order, against the mirror's area names and ids, a fixed vocabulary of
 * kinds of entity (domain and device class), a fixed vocabulary of states, and a list of filler words
 * to drop; what is left must appear in the entity's name or entity_id. Deterministic: the same
 * question over the same areas always gives the same filter. Pure (no database, no Spring).
 */
final class EntityQueryParser {

    /** A kind of entity: a domain, optionally narrowed to one device class. */
    record Kind(String domain, String deviceClass) {
        @Override
        public String toString() {
            return deviceClass == null ? domain : domain + "/" + deviceClass;
        }
    }

    /** An area the mirror knows: its HA id and name. */
    record Area(String id, String name) {}

    /** What the question asks for; empty lists mean "any". */
    record Filter(List<Kind> kinds, List<String> states, List<String> areaIds, List<String> terms) {
        boolean isEmpty() {
            return kinds.isEmpty() && states.isEmpty() && areaIds.isEmpty() && terms.isEmpty();
        }

        /** How the question was read, for {@code interpreted_as}. */
        String describe() {
            if (isEmpty()) {
                return "no entity kinds, states, areas or names recognised";
            }
            List<String> parts = new ArrayList<>();
            if (!kinds.isEmpty()) {
                parts.add("kind "
                        + String.join(" or ", kinds.stream().map(Kind::toString).toList()));
            }
            if (!states.isEmpty()) {
                parts.add("state " + String.join(" or ", states));
            }
            if (!areaIds.isEmpty()) {
                parts.add("area " + String.join(" or ", areaIds));
            }
            if (!terms.isEmpty()) {
                parts.add("name containing "
                        + String.join(
                                " and ", terms.stream().map(t -> "'" + t + "'").toList()));
            }
            return String.join("; ", parts);
        }
    }

    private static final Map<String, List<Kind>> KINDS = new LinkedHashMap<>();
    private static final Map<String, List<String>> STATES = new LinkedHashMap<>();
    private static final Set<String> FILLER = Set.of(
            "a",
            "an",
            "the",
            "in",
            "at",
            "of",
            "is",
            "are",
            "was",
            "were",
            "be",
            "being",
            "which",
            "what",
            "where",
            "who",
            "how",
            "many",
            "much",
            "any",
            "all",
            "every",
            "show",
            "me",
            "list",
            "find",
            "get",
            "tell",
            "there",
            "that",
            "those",
            "these",
            "this",
            "currently",
            "current",
            "right",
            "now",
            "and",
            "or",
            "with",
            "my",
            "our",
            "for",
            "to",
            "from",
            "give",
            "please",
            "do",
            "does",
            "i",
            "have",
            "has",
            "we",
            "state",
            "status",
            "states",
            "entity",
            "entities",
            "device",
            "devices",
            "it",
            "its",
            "by",
            "whats",
            "s",
            "still",
            "left",
            "turned",
            "switched",
            "inside",
            "room",
            "rooms",
            "area",
            "areas",
            "value",
            "values",
            "level",
            "reading",
            "readings",
            "house",
            "home's",
            "everything",
            "anything",
            "some",
            "can",
            "you",
            "see");

    static {
        kind("light", "light", "lights", "lamp", "lamps", "bulb", "bulbs", "lighting");
        kind("switch", "switch", "switches", "plug", "plugs", "outlet", "outlets", "socket", "sockets");
        kind("sensor", "sensor", "sensors");
        kind("binary_sensor", "binary_sensor");
        KINDS.put(
                "door",
                List.of(
                        new Kind("binary_sensor", "door"),
                        new Kind("binary_sensor", "garage_door"),
                        new Kind("cover", "door"),
                        new Kind("cover", "garage")));
        KINDS.put("doors", KINDS.get("door"));
        KINDS.put("window", List.of(new Kind("binary_sensor", "window"), new Kind("cover", "window")));
        KINDS.put("windows", KINDS.get("window"));
        deviceClass("binary_sensor", "motion", "motion", "movement", "presence", "occupancy");
        deviceClass("binary_sensor", "moisture", "leak", "leaks", "water", "moisture");
        deviceClass("binary_sensor", "smoke", "smoke");
        deviceClass("sensor", "temperature", "temperature", "temperatures", "temp", "temps", "warm", "cold", "hot");
        deviceClass("sensor", "humidity", "humidity");
        deviceClass("sensor", "power", "power", "watts", "consumption", "usage");
        deviceClass("sensor", "energy", "energy", "kwh");
        deviceClass("sensor", "battery", "battery", "batteries");
        deviceClass("sensor", "illuminance", "illuminance", "brightness", "lux");
        kind("climate", "climate", "thermostat", "thermostats", "heating", "hvac", "heater", "heaters");
        kind(
                "cover",
                "cover",
                "covers",
                "blind",
                "blinds",
                "shutter",
                "shutters",
                "curtain",
                "curtains",
                "shade",
                "shades");
        kind("lock", "lock", "locks");
        kind("fan", "fan", "fans");
        kind("media_player", "media", "tv", "tvs", "television", "speaker", "speakers", "player", "players");
        kind("camera", "camera", "cameras");
        kind("vacuum", "vacuum", "vacuums", "robot");
        kind("person", "person", "people", "persons", "everyone", "anyone", "somebody", "someone");
        kind("automation", "automation", "automations");
        kind("script", "script", "scripts");
        kind("scene", "scene", "scenes");
        kind("input_boolean", "toggle", "toggles", "input_boolean");
        kind("weather", "weather");
        kind("sun", "sun");
        kind("zone", "zone", "zones");

        states(List.of("on"), "on", "active", "detected", "running", "enabled");
        states(List.of("off"), "off", "inactive", "clear", "disabled", "idle");
        states(List.of("on", "open", "opening"), "open", "opened");
        states(List.of("off", "closed", "closing"), "closed", "shut");
        states(List.of("unavailable"), "unavailable", "offline", "dead", "unreachable");
        states(List.of("unavailable", "unknown"), "broken", "failing", "missing");
        states(List.of("unknown"), "unknown");
        states(List.of("locked"), "locked");
        states(List.of("unlocked"), "unlocked");
        states(List.of("home"), "present");
        states(List.of("not_home"), "away", "absent", "out");
        states(List.of("playing"), "playing");
        states(List.of("paused"), "paused");
        states(List.of("cleaning"), "cleaning");
    }

    private static void kind(String domain, String... words) {
        for (String word : words) {
            KINDS.put(word, List.of(new Kind(domain, null)));
        }
    }

    private static void deviceClass(String domain, String deviceClass, String... words) {
        for (String word : words) {
            KINDS.put(word, List.of(new Kind(domain, deviceClass)));
        }
    }

    private static void states(List<String> states, String... words) {
        for (String word : words) {
            STATES.put(word, states);
        }
    }

    private EntityQueryParser() {}

    /** The words of a text: lower case, accents dropped, split on anything but letters and digits. */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("'", "");
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}_]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    static Filter parse(String question, List<Area> areas) {
        List<String> words = new ArrayList<>(words(question));
        Set<String> areaIds = new LinkedHashSet<>();
        // Areas first, longest names first, so "living room" wins over a "room" somewhere else.
        List<Map.Entry<List<String>, String>> areaNames = new ArrayList<>();
        for (Area area : areas) {
            areaNames.add(Map.entry(words(area.name()), area.id()));
            areaNames.add(Map.entry(words(area.id().replace('_', ' ')), area.id()));
        }
        areaNames.sort((a, b) -> b.getKey().size() - a.getKey().size());
        for (Map.Entry<List<String>, String> name : areaNames) {
            if (name.getKey().isEmpty()) {
                continue;
            }
            int at;
            while ((at = indexOf(words, name.getKey())) >= 0) {
                areaIds.add(name.getValue());
                for (int i = 0; i < name.getKey().size(); i++) {
                    words.set(at + i, "");
                }
            }
        }
        Set<Kind> kinds = new LinkedHashSet<>();
        Set<String> states = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        boolean home = false;
        for (String word : words) {
            if (word.equals("home")) {
                home = true;
                continue;
            }
            if (word.isEmpty() || FILLER.contains(word)) {
                continue;
            }
            if (KINDS.containsKey(word)) {
                kinds.addAll(KINDS.get(word));
            } else if (STATES.containsKey(word)) {
                states.addAll(STATES.get(word));
            } else {
                terms.add(singular(word));
            }
        }
        // "power sensors", "door sensors": a device class is narrower than a bare domain word.
        if (kinds.stream().anyMatch(k -> k.deviceClass() != null)) {
            Set<String> narrowed = new LinkedHashSet<>();
            kinds.stream().filter(k -> k.deviceClass() != null).forEach(k -> narrowed.add(k.domain()));
            kinds.removeIf(k -> k.deviceClass() == null
                    && (narrowed.contains(k.domain())
                            || Set.of("sensor", "binary_sensor").contains(k.domain())));
        }
        if (home && words.contains("who")) {
            kinds.add(new Kind("person", null));
        }
        if (home && kinds.contains(new Kind("person", null))) {
            states.add("home"); // "who is home"; elsewhere "at home" means the whole house
        }
        return new Filter(List.copyOf(kinds), List.copyOf(states), List.copyOf(areaIds), List.copyOf(terms));
    }

    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static int indexOf(List<String> words, List<String> name) {
        for (int i = 0; i + name.size() <= words.size(); i++) {
            if (words.subList(i, i + name.size()).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
