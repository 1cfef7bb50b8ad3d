package io.aether.domain.optimization.query;

import io.aether.domain.optimization.SuggestionStatus;
import java.util.UUID;

/** Suggestions, newest first; null filters match all. */
public record ListSuggestions(UUID jobId, SuggestionStatus status) {}
