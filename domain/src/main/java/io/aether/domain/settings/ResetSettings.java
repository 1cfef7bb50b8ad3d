package io.aether.domain.settings;

import io.aether.domain.actor.Actor;

/** Back to the defaults for one section: its overrides are dropped. */
public record ResetSettings(SettingsSection section, Actor actor) implements SettingsCommand {}
