package io.aether.agents.offline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the offline engine may know about the home: its entities with their current state and its
 * areas. The api module implements it over its mirrors of Home Assistant; {@link InMemoryHomeView}
 * serves tests. Every call should answer the current picture (the engine asks once per turn).
 */
public interface HomeView {

    /** Every entity of the home (any order). */
    List<Entity> entities();

    /** Every area of the home (any order); areas only named on entities are found too. */
    List<Area> areas();

    /**
     * One entity as Home Assistant reports it.
     *
     * @param entityId   e.g. {@code light.hall}
     * @param name       the friendly name (blank: derived from the entity id)
     * @param domain     e.g. {@code light} (null: taken from the entity id)
     * @param area       the name of its area (or its device's area); null when it has none
     * @param state      the current state, e.g. {@code on}, {@code 21.5}, {@code locked}
     * @param attributes its attributes, e.g. {@code unit_of_measurement}, {@code device_class}
     */
    record Entity(
            String entityId, String name, String domain, String area, String state, Map<String, Object> attributes) {
        public Entity {
            Objects.requireNonNull(entityId, "entityId");
            int dot = entityId.indexOf('.');
            if (domain == null || domain.isBlank()) {
                domain = dot > 0 ? entityId.substring(0, dot) : "";
            }
            if (name == null || name.isBlank()) {
                name = (dot >= 0 ? entityId.substring(dot + 1) : entityId).replace('_', ' ');
            }
            state = state == null ? "unknown" : state;
            // HA attributes may hold nulls (a light that is off has brightness null): no Map.copyOf
            attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /** The attribute {@code unit_of_measurement}, or null. */
        public String unit() {
            return text("unit_of_measurement");
        }

        /** The attribute {@code device_class}, or null. */
        public String deviceClass() {
            return text("device_class");
        }

        /** An attribute as text, or null when absent or null. */
        public String text(String attribute) {
            Object value = attributes.get(attribute);
            return value == null ? null : value.toString();
        }

        /** An attribute as a number, or null when absent or not numeric. */
        public Double number(String attribute) {
            Object value = attributes.get(attribute);
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            if (value != null) {
                try {
                    return Double.parseDouble(value.toString());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }

    /**
     * One area.
     *
     * @param name    e.g. {@code Living room}
     * @param aliases other names people use for it, e.g. {@code lounge}
     */
    record Area(String name, List<String> aliases) {
        public Area {
            Objects.requireNonNull(name, "name");
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }
}
