package io.aether.domain.report.query;

/** Reports newest first; {@code status} (running, completed, failed) is null for all. */
public record ListReports(String status, int limit, int offset) {}
