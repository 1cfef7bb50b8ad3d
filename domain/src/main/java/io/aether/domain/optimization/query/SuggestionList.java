package io.aether.domain.optimization.query;

import java.util.List;

/** The answer to {@link ListSuggestions}. */
public record SuggestionList(List<SuggestionView> items, long total) {}
