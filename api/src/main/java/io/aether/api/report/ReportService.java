package io.aether.api.report;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.ErrorKind;
import io.aether.domain.insight.query.FindInsight;
import io.aether.domain.insight.query.InsightView;
import io.aether.domain.optimization.query.FindSuggestion;
import io.aether.domain.optimization.query.SuggestionView;
import io.aether.domain.report.query.FindReport;
import io.aether.domain.report.query.ListReports;
import io.aether.domain.report.query.ReportList;
import io.aether.domain.report.query.ReportView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Reads reports, and the insights their files are drawn from. */
@Service
public class ReportService {
    /** At most this many insights (and as many suggestions) of a report are drawn (a job records far fewer). */
    static final int MAX_DRAWN_INSIGHTS = 200;

    private final QueryGateway queries;

    public ReportService(QueryGateway queries) {
        this.queries = queries;
    }

    public ReportList list(String status, int limit, int offset) {
        return QueryAnswers.answer(queries, new ListReports(status, limit, offset), ReportList.class);
    }

    public ReportView get(String id) {
        UUID uuid = parse(id);
        ReportView view = uuid == null ? null : QueryAnswers.answer(queries, new FindReport(uuid), ReportView.class);
        if (view == null) {
            throw new ReportNotFoundException("Report not found: " + id);
        }
        return view;
    }

    /** The report's file: 404 when the report has no file of that name. */
    public ReportArtifacts.Artifact artifact(String id, String name) {
        ReportView report = get(id);
        if (!artifactNames(report).contains(name)) {
            throw new ReportNotFoundException("Report " + id + " has no artifact " + name);
        }
        List<ReportData.Source> sources = new ArrayList<>();
        for (UUID insightId : first(report.insightIds())) {
            InsightView insight = QueryAnswers.answer(queries, new FindInsight(insightId), InsightView.class);
            if (insight != null) {
                sources.add(ReportData.Source.of(insightId.toString(), insight.content()));
            }
        }
        for (UUID suggestionId : first(report.suggestionIds())) {
            SuggestionView suggestion =
                    QueryAnswers.answer(queries, new FindSuggestion(suggestionId), SuggestionView.class);
            if (suggestion != null) {
                sources.add(ReportData.Source.of(suggestion));
            }
        }
        return ReportArtifacts.render(name, report.title(), ReportData.of(sources));
    }

    private static List<UUID> first(List<UUID> ids) {
        return ids.subList(0, Math.min(MAX_DRAWN_INSIGHTS, ids.size()));
    }

    /** A completed report with insights or suggestions has a chart and its data; others have no files. */
    static List<String> artifactNames(ReportView report) {
        return "completed".equals(report.status())
                        && (!report.insightIds().isEmpty()
                                || !report.suggestionIds().isEmpty())
                ? ReportArtifacts.NAMES
                : List.of();
    }

    /**
     * The original's inter-agent log. Aether's analyses run no agent team, so the log holds the
     * job's own recorded steps (requested, then completed or failed), each with its time.
     */
    static List<ReportResponses.LogEntry> communication(ReportView report) {
        List<ReportResponses.LogEntry> log = new ArrayList<>();
        log.add(step("analysis", "requested", report.createdAt(), report.title()));
        if (report.completedAt() != null) {
            log.add(step("analysis", report.status(), report.completedAt(), report.summary()));
        }
        return log;
    }

    private static ReportResponses.LogEntry step(String from, String type, Instant at, String content) {
        return new ReportResponses.LogEntry(from, type, content, at);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** No report (or no such file of a report). */
    static final class ReportNotFoundException extends RuntimeException implements ErrorKind.Carrier {
        ReportNotFoundException(String message) {
            super(message);
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.NOT_FOUND;
        }
    }
}
