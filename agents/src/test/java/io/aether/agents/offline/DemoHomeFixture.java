package io.aether.agents.offline;

import io.aether.agents.offline.HomeView.Area;
import io.aether.agents.offline.HomeView.Entity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's demo home (ha-simulator DemoHome: Living room, Hall and Kitchen with their
 * lights, hall motion, kitchen temperature, coffee maker, guest mode) grown by a bedroom, a
 * bathroom, a garage, locks, a thermostat and blinds, so that every template has something to
 * find. Shared by the offline engine's tests.
 */
final class DemoHomeFixture {
    private DemoHomeFixture() {}

    static InMemoryHomeView home() {
        List<Area> areas = List.of(
                new Area("Living room", List.of("lounge")),
                new Area("Hall", List.of("hallway", "entrance")),
                new Area("Kitchen", List.of()),
                new Area("Bedroom", List.of()),
                new Area("Bathroom", List.of()),
                new Area("Garage", List.of()),
                new Area("Garden", List.of("backyard")));
        List<Entity> entities = List.of(
                entity("sun.sun", "Sun", null, "above_horizon"),
                entity("zone.home", "Home", null, "0"),
                entity("light.living_room", "Living room", "Living room", "on", "brightness", 180),
                entity("light.floor_lamp", "Floor lamp", "Living room", "off", "brightness", null),
                entity("light.hall", "Hall", "Hall", "off", "brightness", null),
                entity("light.kitchen_ceiling", "Kitchen ceiling", "Kitchen", "on", "brightness", 255),
                entity("light.kitchen_counter", "Kitchen counter", "Kitchen", "off"),
                entity("light.bedroom", "Bedroom light", "Bedroom", "off"),
                entity("light.bedside_lamp", "Bedside lamp", "Bedroom", "on", "brightness", 64),
                entity("light.garage", "Garage light", "Garage", "off"),
                entity("binary_sensor.hall_motion", "Hall motion", "Hall", "off", "device_class", "motion"),
                entity("binary_sensor.kitchen_motion", "Kitchen motion", "Kitchen", "on", "device_class", "occupancy"),
                entity("binary_sensor.front_door", "Front door contact", "Hall", "off", "device_class", "door"),
                entity("binary_sensor.bedroom_window", "Bedroom window", "Bedroom", "on", "device_class", "window"),
                sensor("sensor.kitchen_temperature", "Kitchen temperature", "Kitchen", "21.5", "temperature", "°C"),
                sensor(
                        "sensor.living_room_temperature",
                        "Living room temperature",
                        "Living room",
                        "20.8",
                        "temperature",
                        "°C"),
                sensor("sensor.bedroom_temperature", "Bedroom temperature", "Bedroom", "18.9", "temperature", "°C"),
                sensor("sensor.bedroom_humidity", "Bedroom humidity", "Bedroom", "52", "humidity", "%"),
                sensor("sensor.outdoor_temperature", "Outdoor temperature", "Garden", "6.5", "temperature", "°C"),
                entity("switch.coffee_maker", "Coffee maker", "Kitchen", "off"),
                entity("input_boolean.guest_mode", "Guest mode", null, "off"),
                entity("lock.front_door", "Front door", "Hall", "locked"),
                entity("lock.back_door", "Back door", "Kitchen", "unlocked"),
                climate(),
                entity("cover.bedroom_blinds", "Bedroom blinds", "Bedroom", "open", "current_position", 100),
                entity("cover.garage_door", "Garage door", "Garage", "closed", "device_class", "garage"),
                entity("fan.bathroom", "Bathroom fan", "Bathroom", "off"));
        return new InMemoryHomeView(entities, areas);
    }

    private static Entity entity(String id, String name, String area, String state, Object... attributes) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            a.put((String) attributes[i], attributes[i + 1]);
        }
        a.put("friendly_name", name);
        return new Entity(id, name, null, area, state, a);
    }

    private static Entity sensor(String id, String name, String area, String state, String deviceClass, String unit) {
        return entity(
                id,
                name,
                area,
                state,
                "device_class",
                deviceClass,
                "unit_of_measurement",
                unit,
                "state_class",
                "measurement");
    }

    private static Entity climate() {
        return entity(
                "climate.thermostat",
                "Thermostat",
                "Living room",
                "heat",
                "temperature",
                20,
                "current_temperature",
                20.8,
                "min_temp",
                7,
                "max_temp",
                30,
                "temperature_unit",
                "°C");
    }
}
