package io.aether.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What HA's own diagnostics endpoints answer in the demo home: {@code GET /api/error_log} (the
 * plain-text log, lines as HA's logger writes them), {@code POST /api/config/core/check_config}
 * ({@code {"result":"valid"|"invalid","errors":<string>|null,"warnings":<string>|null}}) and
 * {@code GET /api/config/config_entries/entry} (one object per integration entry with its
 * {@code state}: loaded, setup_error, setup_retry, not_loaded, failed_unload, migration_error).
 * Tests change them through the simulator's hooks. Runs under the simulator's lock.
 */
final class SimulatorDiagnostics {

    /** The demo home's log: an integration retrying, a deprecation warning, a failed template. */
    static final String DEMO_LOG = """
            2026-01-01 08:00:01.114 INFO (MainThread) [homeassistant.setup] Setting up zha
            2026-01-01 08:00:02.502 WARNING (MainThread) [homeassistant.helpers.frame] Detected that custom integration 'hacs' uses a deprecated constant which will be removed in HA Core 2026.6
            2026-01-01 08:00:05.871 ERROR (MainThread) [homeassistant.components.zha.core.gateway] Couldn't start coordinator (attempt 1 of 3)
            Traceback (most recent call last):
              File "/usr/src/homeassistant/homeassistant/components/zha/core/gateway.py", line 182, in async_initialize
            TimeoutError
            2026-01-01 08:01:10.009 WARNING (MainThread) [homeassistant.config_entries] Config entry 'Met.no' for met integration not ready yet: Unable to connect; Retrying in background
            2026-01-01 08:02:44.320 ERROR (MainThread) [homeassistant.helpers.template] Template variable error: 'None' has no attribute 'state' when rendering '{{ states.sensor.missing.state }}'
            2026-01-01 08:05:00.000 ERROR (Recorder) [homeassistant.components.recorder.core] Error in database connectivity during commit: database is locked
            """;

    private final ObjectMapper mapper;
    private String log;
    private String checkErrors;
    private String checkWarnings;
    /** domain -> [title, state, reason] */
    private final Map<String, String[]> entries = new LinkedHashMap<>();

    SimulatorDiagnostics(ObjectMapper mapper) {
        this.mapper = mapper;
        reset();
    }

    void reset() {
        log = DEMO_LOG;
        checkErrors = null;
        checkWarnings = null;
        entries.clear();
        entries.put("hue", new String[] {"Hue Bridge", "loaded", null});
        entries.put("zha", new String[] {"Zigbee coordinator", "loaded", null});
        entries.put("sun", new String[] {"Sun", "loaded", null});
        entries.put("met", new String[] {"Home", "loaded", null});
    }

    String log() {
        return log;
    }

    /** null: back to the demo home's log. */
    void log(String text) {
        log = text == null ? DEMO_LOG : text;
    }

    void configCheck(String errors, String warnings) {
        checkErrors = errors;
        checkWarnings = warnings;
    }

    void entryState(String domain, String state, String reason) {
        String[] entry = entries.get(domain);
        String title = entry == null ? domain : entry[0];
        entries.put(domain, new String[] {title, state, reason});
    }

    ObjectNode checkConfig() {
        ObjectNode result = mapper.createObjectNode().put("result", checkErrors == null ? "valid" : "invalid");
        if (checkErrors == null) {
            result.putNull("errors");
        } else {
            result.put("errors", checkErrors);
        }
        if (checkWarnings == null) {
            result.putNull("warnings");
        } else {
            result.put("warnings", checkWarnings);
        }
        return result;
    }

    /** ConfigEntry.as_json_fragment, the fields HA's entry list answers with. */
    ArrayNode configEntries() {
        ArrayNode array = mapper.createArrayNode();
        int n = 0;
        for (Map.Entry<String, String[]> e : entries.entrySet()) {
            n++;
            String[] v = e.getValue();
            ObjectNode entry = array.addObject();
            entry.put("created_at", 1767225600.0 + n);
            entry.put("entry_id", String.format("01JDEMO%019d", n));
            entry.put("domain", e.getKey());
            entry.put("modified_at", 1767225600.0 + n);
            entry.put("title", v[0]);
            entry.put("source", "user");
            entry.put("state", v[1]);
            entry.put("supports_options", false);
            entry.put("supports_remove_device", false);
            entry.put("supports_unload", true);
            entry.put("supports_reconfigure", false);
            entry.putObject("supported_subentry_types");
            entry.put("pref_disable_new_entities", false);
            entry.put("pref_disable_polling", false);
            entry.putNull("disabled_by");
            if (v[2] == null) {
                entry.putNull("reason");
            } else {
                entry.put("reason", v[2]);
            }
            entry.putNull("error_reason_translation_key");
            entry.putNull("error_reason_translation_placeholders");
            entry.put("num_subentries", 0);
        }
        return array;
    }
}
