package io.aether.domain.settings;

import io.aether.domain.actor.Actor;
import java.util.Map;

/**
 * An event of the application settings. Each carries every section's overrides as they are after
 * it (section wire name to key to value), so the newest event alone is the current settings.
 */
public interface SettingsEvent {
    Map<String, Map<String, Object>> overrides();

    Actor actor();
}
