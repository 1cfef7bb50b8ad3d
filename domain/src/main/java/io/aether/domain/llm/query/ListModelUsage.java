package io.aether.domain.llm.query;

import java.time.LocalDate;

/** Per model and provider: the calls made on {@code since} (a UTC day) or later. */
public record ListModelUsage(LocalDate since) {}
