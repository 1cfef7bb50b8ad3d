package io.aether.domain.llm.query;

import java.time.LocalDate;

/** One row per UTC day from {@code since} on that had model calls, oldest first. */
public record ListDailyUsage(LocalDate since) {}
