package io.aether.domain.settings.query;

/** The application settings as they are now: every section, defaults merged with the overrides. */
public record FetchSettings() {}
