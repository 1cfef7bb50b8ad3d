package io.aether.domain.report.query;

import java.util.UUID;

/** One report, or a null answer when there is none. */
public record FindReport(UUID id) {}
