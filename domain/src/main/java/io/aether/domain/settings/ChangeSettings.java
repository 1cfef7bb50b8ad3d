package io.aether.domain.settings;

import io.aether.domain.actor.Actor;
import java.util.Map;

/**
 * Change some keys of some sections (a merge: keys not named keep their values). Refused as a
 * whole when any key is unknown or any value out of its range.
 */
public record ChangeSettings(Map<SettingsSection, Map<String, Object>> changes, Actor actor)
        implements SettingsCommand {}
