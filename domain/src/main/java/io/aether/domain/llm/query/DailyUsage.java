package io.aether.domain.llm.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Model calls per UTC day, oldest first; days without calls have no row. */
public record DailyUsage(List<Day> days) {
    /** {@code costUsd} null when the day's calls had no known price. */
    public record Day(LocalDate date, long calls, long tokens, BigDecimal costUsd) {}
}
