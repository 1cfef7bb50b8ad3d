package io.aether.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;

/** The seeded demo home: a handful of entities with the attributes their HA integrations report. */
final class DemoHome {

    static final String VERSION = "2026.1.0";
    /** The demo home's configured time zone; its recorded habits follow its wall clock. */
    static final ZoneId TIME_ZONE = ZoneId.of("Europe/Amsterdam");

    private DemoHome() {}

    static void seed(StateMachine states, ObjectMapper mapper) {
        ObjectNode a;

        a = mapper.createObjectNode();
        a.put("next_dawn", "2026-01-02T06:59:12.403151+00:00");
        a.put("next_dusk", "2026-01-01T16:41:32.112008+00:00");
        a.put("next_midnight", "2026-01-01T23:50:21+00:00");
        a.put("next_noon", "2026-01-02T11:50:30+00:00");
        a.put("next_rising", "2026-01-02T07:47:41.774227+00:00");
        a.put("next_setting", "2026-01-01T15:53:08.652412+00:00");
        a.put("elevation", 12.4);
        a.put("azimuth", 187.2);
        a.put("rising", false);
        a.put("friendly_name", "Sun");
        seed(states, "sun.sun", "above_horizon", a);

        a = mapper.createObjectNode();
        a.put("editable", false);
        a.put("latitude", 52.3731);
        a.put("longitude", 4.8922);
        a.put("radius", 100);
        a.put("passive", false);
        a.putArray("persons");
        a.put("icon", "mdi:home");
        a.put("friendly_name", "Home");
        seed(states, "zone.home", "0", a);

        seed(states, "light.living_room", "on", light(mapper, "Living room", 180));
        seed(states, "light.hall", "off", light(mapper, "Hall", null));

        a = mapper.createObjectNode();
        a.put("device_class", "motion");
        a.put("friendly_name", "Hall motion");
        seed(states, "binary_sensor.hall_motion", "off", a);

        a = mapper.createObjectNode();
        a.put("state_class", "measurement");
        a.put("unit_of_measurement", "°C");
        a.put("device_class", "temperature");
        a.put("friendly_name", "Kitchen temperature");
        seed(states, "sensor.kitchen_temperature", "21.5", a);

        seed(states, "sensor.garden_temperature", "9.2", sensor(mapper, "temperature", "°C", "Garden temperature"));
        seed(states, "sensor.heat_pump_power", "840", sensor(mapper, "power", "W", "Heat pump power"));
        seed(states, "sensor.fridge_power", "82", sensor(mapper, "power", "W", "Fridge power"));
        seed(states, "sensor.washing_machine_power", "0", sensor(mapper, "power", "W", "Washing machine power"));
        seed(states, "sensor.garden_sensor_battery", "14", sensor(mapper, "battery", "%", "Garden sensor battery"));

        a = mapper.createObjectNode();
        a.put("friendly_name", "Coffee maker");
        seed(states, "switch.coffee_maker", "off", a);

        a = mapper.createObjectNode();
        a.put("editable", true);
        a.put("icon", "mdi:account-multiple");
        a.put("friendly_name", "Guest mode");
        seed(states, "input_boolean.guest_mode", "off", a);
    }

    /** Config dict as {@code GET /api/config} returns it (core_config.as_dict, keys in HA's order). */
    static ObjectNode config(ObjectMapper mapper) {
        ObjectNode c = mapper.createObjectNode();
        c.putArray("allowlist_external_dirs").add("/media").add("/config/www");
        c.putArray("allowlist_external_urls");
        c.putArray("components")
                .add("api")
                .add("automation")
                .add("binary_sensor")
                .add("config")
                .add("http")
                .add("input_boolean")
                .add("light")
                .add("sensor")
                .add("sun")
                .add("switch")
                .add("zone");
        c.put("config_dir", "/config");
        c.put("config_source", "storage");
        c.put("country", "NL");
        c.put("currency", "EUR");
        c.put("debug", false);
        c.put("elevation", 2);
        c.putNull("external_url");
        c.putNull("internal_url");
        c.put("language", "en");
        c.put("latitude", 52.3731);
        c.put("location_name", "Aether Demo Home");
        c.put("longitude", 4.8922);
        c.put("radius", 100);
        c.put("recovery_mode", false);
        c.put("safe_mode", false);
        c.put("state", "RUNNING");
        c.put("time_zone", TIME_ZONE.getId());
        ObjectNode units = c.putObject("unit_system");
        units.put("length", "km");
        units.put("accumulated_precipitation", "mm");
        units.put("area", "m²");
        units.put("mass", "g");
        units.put("pressure", "Pa");
        units.put("temperature", "°C");
        units.put("volume", "L");
        units.put("wind_speed", "m/s");
        c.put("version", VERSION);
        c.putArray("whitelist_external_dirs").add("/media").add("/config/www");
        return c;
    }

    /** An entity-registry row of the demo home: which integration made it and where it sits. */
    record RegistryEntry(String entityId, String platform, String deviceId, String areaId, String originalName) {}

    static final List<String[]> AREAS = List.of(
            new String[] {"living_room", "Living room", "mdi:sofa"},
            new String[] {"hall", "Hall", "mdi:door"},
            new String[] {"kitchen", "Kitchen", "mdi:stove"});

    /** id, name, manufacturer, model, area_id, integration domain. */
    static final List<String[]> DEVICES = List.of(
            new String[] {
                "8f1c2a0b9d3e4f5a6b7c8d9e0f1a2b3c", "Living room lamp", "Signify", "LCA001", "living_room", "hue"
            },
            new String[] {"1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", "Hall lamp", "Signify", "LWA017", "hall", "hue"},
            new String[] {"2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e", "Hall motion sensor", "Aqara", "RTCGQ11LM", "hall", "zha"
            },
            new String[] {"3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f", "Kitchen climate", "Aqara", "WSDCGQ11LM", "kitchen", "zha"
            },
            new String[] {"4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a", "Coffee plug", "IKEA", "E1603", "kitchen", "zha"});

    static final List<RegistryEntry> ENTITIES = List.of(
            new RegistryEntry("sun.sun", "sun", null, null, "Sun"),
            new RegistryEntry("light.living_room", "hue", "8f1c2a0b9d3e4f5a6b7c8d9e0f1a2b3c", null, "Living room"),
            new RegistryEntry("light.hall", "hue", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", null, "Hall"),
            new RegistryEntry(
                    "binary_sensor.hall_motion", "zha", "2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e", null, "Hall motion"),
            new RegistryEntry(
                    "sensor.kitchen_temperature",
                    "zha",
                    "3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f",
                    null,
                    "Kitchen temperature"),
            new RegistryEntry(
                    "switch.coffee_maker", "zha", "4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a", "kitchen", "Coffee maker"));

    /** The stored input_boolean helper behind input_boolean.guest_mode (input_boolean/list shows it). */
    static ObjectNode guestMode(ObjectMapper mapper) {
        return mapper.createObjectNode()
                .put("id", "guest_mode")
                .put("name", "Guest mode")
                .put("icon", "mdi:account-multiple");
    }

    /** The storage-mode dashboard "dashboard-home" as lovelace/dashboards/list shows it. */
    static ObjectNode dashboard(ObjectMapper mapper) {
        return mapper.createObjectNode()
                .put("id", "dashboard_home")
                .put("icon", "mdi:home")
                .put("title", "Home")
                .put("url_path", "dashboard-home")
                .put("require_admin", false)
                .put("show_in_sidebar", true)
                .put("mode", "storage");
    }

    /** Its saved config: one view with an entities card. */
    static ObjectNode dashboardConfig(ObjectMapper mapper) {
        ObjectNode config = mapper.createObjectNode().put("title", "Home");
        ObjectNode view =
                config.putArray("views").addObject().put("title", "Home").put("path", "home");
        ObjectNode card =
                view.putArray("cards").addObject().put("type", "entities").put("title", "Lights");
        card.putArray("entities").add("light.living_room").add("light.hall");
        return config;
    }

    /** A measurement sensor's attributes; its multi-day history is {@link DemoHistory}'s. */
    private static ObjectNode sensor(ObjectMapper mapper, String deviceClass, String unit, String name) {
        ObjectNode a = mapper.createObjectNode();
        a.put("state_class", "measurement");
        a.put("unit_of_measurement", unit);
        a.put("device_class", deviceClass);
        a.put("friendly_name", name);
        return a;
    }

    private static ObjectNode light(ObjectMapper mapper, String name, Integer brightness) {
        ObjectNode a = mapper.createObjectNode();
        a.putArray("supported_color_modes").add("brightness");
        if (brightness == null) {
            a.putNull("color_mode");
            a.putNull("brightness");
        } else {
            a.put("color_mode", "brightness");
            a.put("brightness", brightness);
        }
        a.put("friendly_name", name);
        a.put("supported_features", 0);
        return a;
    }

    private static void seed(StateMachine states, String entityId, String state, ObjectNode attributes) {
        states.set(entityId, state, attributes, StateMachine.newContext(null));
    }
}
