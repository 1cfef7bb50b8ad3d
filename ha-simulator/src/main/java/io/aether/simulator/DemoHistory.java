package io.aether.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo home's recorder: {@value #DAYS} days of deterministic history, as
 * {@code GET /api/history/period} serves it. Sensors are sampled every 10 minutes and, like HA's
 * recorder, only changes are rows. Values are a daily cycle plus bounded noise seeded by entity
 * and time slot, so every request sees the same history. Relative to the anchor (the hour the
 * simulator was last reset) it plants:
 *
 * <ul>
 *   <li>{@code sensor.kitchen_temperature}: a spike to {@value #SPIKE} °C for 30 minutes, 20 h before the anchor;
 *   <li>{@code sensor.heat_pump_power}: 1.5 times its usual draw for the last 24 h (the largest consumer, rising);
 *   <li>{@code sensor.garden_temperature}: {@code unavailable} from 40 h to 34 h before the anchor;
 *   <li>{@code light.hall}: switched on by hand at about 19:30 (± 8 minutes) and off at about 23:05 every day,
 *       in the home's time zone ({@link DemoHome#TIME_ZONE}), as people keep their habits across DST;
 *   <li>{@code binary_sensor.hall_motion}: on about 70 seconds before each evening switch-on of the hall
 *       light, off three minutes later (someone comes home and walks into the hall).
 * </ul>
 *
 * Other entities have one row, their current state; unknown entities have none (HA omits them).
 */
final class DemoHistory {
    static final int DAYS = 35;
    static final double SPIKE = 34.8;
    static final Duration STEP = Duration.ofMinutes(10);
    static final Set<String> ENTITIES = Set.of(
            "sensor.kitchen_temperature",
            "sensor.garden_temperature",
            "sensor.heat_pump_power",
            "sensor.fridge_power",
            "sensor.washing_machine_power",
            "light.hall",
            "binary_sensor.hall_motion");

    private final Instant anchor;

    DemoHistory(Instant anchor) {
        this.anchor = anchor.truncatedTo(ChronoUnit.HOURS);
    }

    Instant anchor() {
        return anchor;
    }

    static final String SYNTHETIC_PREFIX = "sensor.synthetic_";

    static boolean covers(String entityId) {
        return ENTITIES.contains(entityId) || entityId.startsWith(SYNTHETIC_PREFIX);
    }

    /** The i-th synthetic sensor of a benchmark home (HomeAssistantSimulator#addSyntheticSensors). */
    static String syntheticSensor(int i) {
        return SYNTHETIC_PREFIX + String.format(Locale.ROOT, "%05d", i);
    }

    /**
     * One entity's rows from {@code start} to {@code end}: first its state at {@code start} (with
     * {@code last_changed} clamped to start, as HA does), then each change.
     */
    ArrayNode rows(ObjectMapper mapper, String entityId, JsonNode attributes, Instant start, Instant end) {
        Instant now = Instant.now();
        Instant oldest = now.minus(Duration.ofDays(DAYS));
        Instant from = start.isBefore(oldest) ? oldest : start;
        Instant to = end.isAfter(now) ? now : end;
        ArrayNode rows = mapper.createArrayNode();
        if (!from.isBefore(to)) {
            return rows;
        }
        String previous = null;
        if (entityId.startsWith("light.") || entityId.startsWith("binary_sensor.")) {
            boolean motion = entityId.startsWith("binary_sensor.");
            previous = switchedAt(motion, from);
            rows.add(row(mapper, entityId, previous, attributes, from));
            LocalDate day = LocalDate.ofInstant(from, DemoHome.TIME_ZONE).minusDays(1);
            for (; !day.atStartOfDay(DemoHome.TIME_ZONE).toInstant().isAfter(to); day = day.plusDays(1)) {
                for (Instant[] toggle : toggles(motion, day)) {
                    if (toggle[0].isAfter(from) && !toggle[0].isAfter(to)) {
                        String state = toggle[1] == null ? "off" : "on";
                        rows.add(row(mapper, entityId, state, attributes, toggle[0]));
                    }
                }
            }
            return rows;
        }
        long firstSlot = Math.floorDiv(from.getEpochSecond(), STEP.toSeconds());
        for (long slot = firstSlot; ; slot++) {
            Instant at = Instant.ofEpochSecond(slot * STEP.toSeconds());
            if (at.isAfter(to)) {
                break;
            }
            String value = sensorAt(entityId, slot, at);
            if (!value.equals(previous)) {
                rows.add(row(mapper, entityId, value, attributes, at.isBefore(from) ? from : at));
                previous = value;
            }
        }
        return rows;
    }

    private String sensorAt(String entityId, long slot, Instant at) {
        double hour = (at.getEpochSecond() % 86_400) / 3600.0;
        double noise = noise(entityId, slot); // -1..1
        double value;
        if (entityId.startsWith(SYNTHETIC_PREFIX)) {
            // A room temperature with its own phase, so no two synthetic series are the same.
            double phase = (entityId.hashCode() & 0xff) / 32.0;
            value = 20 + 2 * Math.sin(2 * Math.PI * (hour - phase) / 24) + 0.3 * noise;
            return String.valueOf(Math.round(value * 10) / 10.0);
        }
        switch (entityId) {
            case "sensor.kitchen_temperature" -> {
                Instant spike = anchor.minus(Duration.ofHours(20));
                if (!at.isBefore(spike) && at.isBefore(spike.plus(Duration.ofMinutes(30)))) {
                    return String.valueOf(SPIKE);
                }
                value = 21 + 1.5 * Math.sin(2 * Math.PI * (hour - 9) / 24) + 0.2 * noise;
            }
            case "sensor.garden_temperature" -> {
                Instant down = anchor.minus(Duration.ofHours(40));
                if (!at.isBefore(down) && at.isBefore(down.plus(Duration.ofHours(6)))) {
                    return "unavailable";
                }
                value = 8 + 4 * Math.sin(2 * Math.PI * (hour - 9) / 24) + 0.3 * noise;
            }
            case "sensor.heat_pump_power" -> {
                value = 600 + 500 * Math.cos(2 * Math.PI * (hour - 6) / 24) + 60 * noise;
                if (!at.isBefore(anchor.minus(Duration.ofHours(24)))) {
                    value *= 1.5;
                }
                return String.valueOf(Math.round(Math.max(0, value)));
            }
            case "sensor.fridge_power" -> {
                value = 80 + 30 * Math.sin(2 * Math.PI * slot / 12.0) + 5 * noise;
                return String.valueOf(Math.round(value));
            }
            default -> { // the washing machine: every third day from 09:00 to 10:30 UTC
                long day = Math.floorDiv(at.getEpochSecond(), 86_400);
                boolean running = day % 3 == 0 && hour >= 9 && hour < 10.5;
                return running ? String.valueOf(Math.round(1800 + 100 * noise)) : "0";
            }
        }
        return String.valueOf(Math.round(value * 10) / 10.0);
    }

    /** The local day's two manual switchings: on at about 19:30, off at about 23:05 (null marks off). */
    private List<Instant[]> lightToggles(LocalDate day) {
        long seed = day.toEpochDay();
        long onJitter = Math.round(8 * noise("light.hall/on", seed));
        long offJitter = Math.round(8 * noise("light.hall/off", seed));
        Instant on = localTime(day, 19 * 60 + 30 + onJitter, 17);
        Instant off = localTime(day, 23 * 60 + 5 + offJitter, 41);
        return List.of(new Instant[] {on, on}, new Instant[] {off, null});
    }

    private static Instant localTime(LocalDate day, long minuteOfDay, int second) {
        return day.atTime(LocalTime.of((int) (minuteOfDay / 60), (int) (minuteOfDay % 60), second))
                .atZone(DemoHome.TIME_ZONE)
                .toInstant();
    }

    /** The motion sensor's day: on 70 s before the light's evening switch-on, off 3 minutes later. */
    private List<Instant[]> motionToggles(LocalDate day) {
        Instant lightOn = lightToggles(day).get(0)[0];
        Instant on = lightOn.minusSeconds(70);
        return List.of(new Instant[] {on, on}, new Instant[] {on.plus(Duration.ofMinutes(3)), null});
    }

    private List<Instant[]> toggles(boolean motion, LocalDate day) {
        return motion ? motionToggles(day) : lightToggles(day);
    }

    private String switchedAt(boolean motion, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, DemoHome.TIME_ZONE);
        String state = "off";
        for (Instant[] toggle : toggles(motion, day)) {
            if (!toggle[0].isAfter(at)) {
                state = toggle[1] == null ? "off" : "on";
            }
        }
        return state;
    }

    private static ObjectNode row(
            ObjectMapper mapper, String entityId, String state, JsonNode attributes, Instant changed) {
        ObjectNode row = mapper.createObjectNode();
        row.put("entity_id", entityId);
        row.put("state", state);
        row.set("attributes", attributes == null ? mapper.createObjectNode() : attributes.deepCopy());
        String at = changed.atOffset(ZoneOffset.UTC).toString();
        row.put("last_changed", at);
        row.put("last_reported", at);
        row.put("last_updated", at);
        return row;
    }

    /** Deterministic noise in [-1, 1] for an entity and a slot (SplitMix64 of both). */
    static double noise(String key, long slot) {
        long z = key.hashCode() * 0x9E3779B97F4A7C15L + slot;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) / (double) (1L << 53)) * 2 - 1;
    }
}
