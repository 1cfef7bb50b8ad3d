package io.aether.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The seeded demo home: a handful of entities with the attributes their HA integrations report. */
final class DemoHome {

    static final String VERSION = "2026.1.0";

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
        c.put("time_zone", "Europe/Amsterdam");
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
