package io.aether.domain.settings;

import io.aether.domain.actor.Actor;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A section went back to its defaults; {@code overrides} are every section's after it. */
@Revision("1")
public record SettingsReset(String section, Map<String, Map<String, Object>> overrides, Actor actor)
        implements SettingsEvent {}
