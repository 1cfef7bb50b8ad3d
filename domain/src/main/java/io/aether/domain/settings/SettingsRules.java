package io.aether.domain.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every setting with its default and its allowed values (the original's app_settings defaults and
 * bounds). The original clamped a value out of range silently and dropped unknown keys; here both
 * are refused, so a client learns that its change did not take.
 */
public final class SettingsRules {
    private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final List<String> IMPACTS = List.of("low", "medium", "high", "critical");
    private static final Map<SettingsSection, Map<String, Rule>> RULES = rules();

    private SettingsRules() {}

    /** One setting: its default and what it accepts. */
    sealed interface Rule {
        Object defaultValue();
    }

    record IntRule(Integer defaultValue, int min, int max) implements Rule {}

    record BoolRule(Boolean defaultValue) implements Rule {}

    record ChoiceRule(String defaultValue, List<String> allowed) implements Rule {}

    /** "HH:MM" (24 h) or null; the default is null. */
    record ClockRule() implements Rule {
        @Override
        public Object defaultValue() {
            return null;
        }
    }

    private static Map<SettingsSection, Map<String, Rule>> rules() {
        Map<SettingsSection, Map<String, Rule>> all = new EnumMap<>(SettingsSection.class);
        Map<String, Rule> chat = new LinkedHashMap<>();
        chat.put("stream_timeout_seconds", new IntRule(900, 60, 3600));
        chat.put("tool_timeout_seconds", new IntRule(30, 5, 300));
        chat.put("analysis_tool_timeout_seconds", new IntRule(180, 30, 600));
        chat.put("max_tool_iterations", new IntRule(10, 1, 50));
        all.put(SettingsSection.CHAT, Collections.unmodifiableMap(chat));
        Map<String, Rule> dashboard = new LinkedHashMap<>();
        dashboard.put("default_refresh_interval_seconds", new IntRule(60, 10, 3600));
        dashboard.put("max_widgets", new IntRule(20, 1, 100));
        all.put(SettingsSection.DASHBOARD, Collections.unmodifiableMap(dashboard));
        Map<String, Rule> science = new LinkedHashMap<>();
        science.put("sandbox_enabled", new BoolRule(true));
        science.put("sandbox_timeout_quick", new IntRule(30, 5, 120));
        science.put("sandbox_timeout_standard", new IntRule(60, 10, 300));
        science.put("sandbox_timeout_deep", new IntRule(180, 30, 600));
        science.put("sandbox_memory_quick", new IntRule(512, 128, 2048));
        science.put("sandbox_memory_standard", new IntRule(1024, 256, 4096));
        science.put("sandbox_memory_deep", new IntRule(2048, 512, 8192));
        science.put("sandbox_artifacts_enabled", new BoolRule(false));
        all.put(SettingsSection.DATA_SCIENCE, Collections.unmodifiableMap(science));
        Map<String, Rule> notifications = new LinkedHashMap<>();
        notifications.put("enabled", new BoolRule(true));
        notifications.put("min_impact", new ChoiceRule("high", IMPACTS));
        notifications.put("quiet_hours_start", new ClockRule());
        notifications.put("quiet_hours_end", new ClockRule());
        all.put(SettingsSection.NOTIFICATIONS, Collections.unmodifiableMap(notifications));
        return Collections.unmodifiableMap(all);
    }

    /** A section's defaults, in a stable key order. */
    public static Map<String, Object> defaults(SettingsSection section) {
        Map<String, Object> values = new LinkedHashMap<>();
        RULES.get(section).forEach((key, rule) -> values.put(key, rule.defaultValue()));
        return values;
    }

    /** A section's values: its defaults with the overrides laid over them. */
    public static Map<String, Object> effective(SettingsSection section, Map<String, Object> overrides) {
        Map<String, Object> values = defaults(section);
        overrides.forEach((key, value) -> {
            if (values.containsKey(key)) {
                values.put(key, value);
            }
        });
        return values;
    }

    /**
     * What is wrong with these changes to a section, one message per key; empty when all are
     * acceptable. Integers may come as any whole JSON number; nothing else is converted.
     */
    public static List<String> problems(SettingsSection section, Map<String, Object> changes) {
        List<String> problems = new ArrayList<>();
        Map<String, Rule> rules = RULES.get(section);
        changes.forEach((key, value) -> {
            Rule rule = rules.get(key);
            String where = section.wire() + "." + key;
            if (rule == null) {
                problems.add(where + " is not a setting (known: " + String.join(", ", rules.keySet()) + ")");
            } else {
                String problem = problem(rule, value);
                if (problem != null) {
                    problems.add(where + " " + problem);
                }
            }
        });
        return problems;
    }

    /** The value as stored: whole numbers as Integer, the rest as given. Call after {@link #problems}. */
    public static Object normalised(Object value) {
        return value instanceof Number number ? Integer.valueOf(number.intValue()) : value;
    }

    private static String problem(Rule rule, Object value) {
        if (rule instanceof IntRule r) {
            if (!(value instanceof Number number) || !whole(number)) {
                return "must be a whole number from " + r.min() + " to " + r.max();
            }
            long v = number.longValue();
            return v < r.min() || v > r.max()
                    ? "must be from " + r.min() + " to " + r.max() + " (was " + v + ")"
                    : null;
        }
        if (rule instanceof BoolRule) {
            return value instanceof Boolean ? null : "must be true or false";
        }
        if (rule instanceof ChoiceRule r) {
            return value instanceof String s && r.allowed().contains(s)
                    ? null
                    : "must be one of " + String.join(", ", r.allowed());
        }
        return value == null || (value instanceof String s && CLOCK.matcher(s).matches())
                ? null
                : "must be null or a time of day as HH:MM (24 h)";
    }

    private static boolean whole(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return true;
        }
        if (number instanceof java.math.BigInteger big) {
            return big.bitLength() < 63;
        }
        double d = number.doubleValue();
        return !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < Long.MAX_VALUE;
    }
}
