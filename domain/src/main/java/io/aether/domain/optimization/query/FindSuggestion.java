package io.aether.domain.optimization.query;

import java.util.UUID;

/** One suggestion; answers null when there is none. */
public record FindSuggestion(UUID id) {}
