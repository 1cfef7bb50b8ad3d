package io.aether.domain.report.query;

import java.util.List;

/** A page of reports and how many match. */
public record ReportList(List<ReportView> items, long total) {}
