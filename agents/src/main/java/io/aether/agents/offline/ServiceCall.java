package io.aether.agents.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Home Assistant service call, e.g. {@code light.turn_on} on {@code light.hall} with
 * {@code brightness_pct: 50}.
 */
record ServiceCall(String domain, String service, List<String> entityIds, Map<String, Object> data) {
    ServiceCall {
        entityIds = List.copyOf(entityIds);
        data = data == null ? Map.of() : new LinkedHashMap<>(data);
    }

    /** {@code light.turn_on}. */
    String action() {
        return domain + "." + service;
    }

    /** As an entity_command proposal's {@code service_call}: domain, service, entity_id (a list), data. */
    Map<String, Object> asServiceCall() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", domain);
        m.put("service", service);
        m.put("entity_id", entityIds);
        m.put("data", data);
        return m;
    }

    /** As an HA automation action: {@code action}, {@code target.entity_id}, {@code data} when any. */
    Map<String, Object> asAction() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action());
        m.put("target", Map.of("entity_id", entityIds.size() == 1 ? entityIds.get(0) : entityIds));
        if (!data.isEmpty()) {
            m.put("data", data);
        }
        return m;
    }

    /** A number as HA YAML would hold it: 21 rather than 21.0. */
    static Object number(double value) {
        if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
            return (int) value;
        }
        return value;
    }
}
