package io.aether.domain.report.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The report of one analysis job (its id is the job's): what was analysed, how it ended, and the
 * insights it found (and, for an optimization, the automations it suggested). {@code status} is running, completed or failed; {@code summary} says what the
 * analysis found, or why it failed.
 */
public record ReportView(
        UUID id,
        String title,
        String analysisType,
        String status,
        String summary,
        List<UUID> insightIds,
        List<UUID> suggestionIds,
        List<String> entityIds,
        int hours,
        Instant createdAt,
        Instant completedAt) {}
