package io.aether.domain.settings.query;

import io.aether.domain.settings.SettingsRules;
import io.aether.domain.settings.SettingsSection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every section's current values (defaults merged with the overrides), keyed by section. */
public record SettingsView(Map<SettingsSection, Map<String, Object>> sections) {

    /** The view for these overrides (section wire name to key to value). */
    public static SettingsView of(Map<String, Map<String, Object>> overrides) {
        Map<SettingsSection, Map<String, Object>> sections = new LinkedHashMap<>();
        for (SettingsSection section : SettingsSection.values()) {
            sections.put(section, SettingsRules.effective(section, overrides.getOrDefault(section.wire(), Map.of())));
        }
        return new SettingsView(sections);
    }

    public Map<String, Object> section(SettingsSection section) {
        return sections.get(section);
    }
}
