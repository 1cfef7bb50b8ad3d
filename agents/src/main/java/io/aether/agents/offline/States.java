package io.aether.agents.offline;

import io.aether.agents.offline.HomeView.Entity;
import java.util.Set;

/** How the engine reads and words an entity's state. */
final class States {
    /** The state words a question can ask about ("is the door open?"). */
    static final Set<String> WORDS =
            Set.of("on", "off", "open", "opened", "closed", "shut", "locked", "unlocked", "detecting", "clear");

    private static final Set<String> ON = Set.of(
            "on", "open", "opening", "playing", "paused", "heat", "cool", "heat_cool", "auto", "dry", "fan_only");
    private static final Set<String> UNKNOWN = Set.of("unknown", "unavailable");

    private States() {}

    /** Whether the entity counts as on (a light that is on, an open cover, a heating thermostat). */
    static boolean isOn(Entity e) {
        return ON.contains(e.state());
    }

    /** Whether the entity is in the state a question names ("on", "open", "locked"). */
    static boolean matches(Entity e, String word) {
        if (UNKNOWN.contains(e.state())) {
            return false;
        }
        return switch (word) {
            case "on" -> isOn(e);
            case "off" -> !isOn(e) && !e.domain().equals("lock") && !e.domain().equals("sensor");
            case "open", "opened" -> Kind.isOpening(e) ? isOn(e) : e.state().equals("open");
            case "closed", "shut" ->
                Kind.isOpening(e) && (e.state().equals("off") || e.state().equals("closed"));
            case "locked" -> e.state().equals("locked");
            case "unlocked" -> e.state().equals("unlocked") || e.state().equals("open");
            case "detecting" -> Kind.MOTION_SENSOR.covers(e) && e.state().equals("on");
            case "clear" -> Kind.MOTION_SENSOR.covers(e) && e.state().equals("off");
            default -> false;
        };
    }

    /** Whether the entity can be in the state a question names (a light cannot be locked). */
    static boolean applies(Entity e, String word) {
        return switch (word) {
            case "on", "off" -> !e.domain().equals("sensor") && !e.domain().equals("lock");
            case "open", "opened", "closed", "shut" -> Kind.isOpening(e);
            case "locked", "unlocked" -> e.domain().equals("lock");
            case "detecting", "clear" -> Kind.MOTION_SENSOR.covers(e);
            default -> false;
        };
    }

    /** The state in words: "on (71%)", "21.5 °C", "open", "detecting motion", "heat, set to 20". */
    static String describe(Entity e) {
        String s = e.state();
        if (UNKNOWN.contains(s)) {
            return s;
        }
        switch (e.domain()) {
            case "sensor" -> {
                String unit = e.unit();
                return unit == null || unit.isBlank() ? s : s + " " + unit;
            }
            case "binary_sensor" -> {
                if (Kind.isOpening(e)) {
                    return s.equals("on") ? "open" : "closed";
                }
                if (Kind.MOTION_SENSOR.covers(e)) {
                    return s.equals("on") ? "detecting motion" : "clear";
                }
                return switch (String.valueOf(e.deviceClass())) {
                    case "moisture" -> s.equals("on") ? "wet" : "dry";
                    case "smoke", "gas", "carbon_monoxide", "problem", "safety" ->
                        s.equals("on") ? "detected" : "clear";
                    case "connectivity" -> s.equals("on") ? "connected" : "disconnected";
                    default -> s;
                };
            }
            case "light" -> {
                Double brightness = e.number("brightness");
                return s.equals("on") && brightness != null ? "on (" + Math.round(brightness * 100 / 255) + "%)" : s;
            }
            case "climate" -> {
                StringBuilder b = new StringBuilder(s.replace('_', ' '));
                Double target = e.number("temperature");
                if (target != null) {
                    b.append(", set to ").append(Text.number(target)).append(degrees(e));
                }
                Double current = e.number("current_temperature");
                if (current != null) {
                    b.append(", currently ").append(Text.number(current)).append(degrees(e));
                }
                return b.toString();
            }
            case "cover" -> {
                Double position = e.number("current_position");
                return position != null && !s.equals("closed") ? s + " (" + Text.number(position) + "%)" : s;
            }
            default -> {
                return s.replace('_', ' ');
            }
        }
    }

    /** " °C" when the thermostat says so, else "°". */
    static String degrees(Entity e) {
        String unit = e.text("temperature_unit");
        return unit == null ? "°" : " " + unit;
    }
}
