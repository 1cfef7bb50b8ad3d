package io.aether.domain.settings;

import io.aether.domain.actor.Actor;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** Settings were changed: {@code changed} holds the keys set by this change, {@code overrides} all of them after it. */
@Revision("1")
public record SettingsChanged(
        Map<String, Map<String, Object>> changed, Map<String, Map<String, Object>> overrides, Actor actor)
        implements SettingsEvent {}
