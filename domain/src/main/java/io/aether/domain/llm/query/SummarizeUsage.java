package io.aether.domain.llm.query;

import java.time.LocalDate;

/** Totals and per-model rows of the model calls made on {@code since} (a UTC day) or later. */
public record SummarizeUsage(LocalDate since) {}
