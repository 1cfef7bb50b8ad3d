package io.aether.api.report;

import io.aether.api.platform.error.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports of analysis jobs, with a chart (PNG, SVG) and the data behind it (CSV). */
@RestController
@Validated
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "One report per analysis job, with a chart and its data")
public class ReportController {
    private static final List<String> STATUSES = List.of("running", "completed", "failed");
    /** The original's rule for a report id in an artifact path. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** A plain file name: no path, no traversal, no hidden file. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9]+)*");

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List reports, newest first (status: running, completed or failed)")
    public ReportResponses.Reports list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.validation("status must be one of " + String.join(", ", STATUSES));
        }
        return ReportResponses.Reports.of(reports.list(status, limit, offset));
    }

    @GetMapping(path = "/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get one report")
    public ReportResponses.Report get(@PathVariable String reportId) {
        return ReportResponses.Report.of(reports.get(reportId));
    }

    @GetMapping(path = "/{reportId}/communication", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The report's log: the steps its analysis recorded")
    public ReportResponses.Communication communication(@PathVariable String reportId) {
        var report = reports.get(reportId);
        var log = ReportService.communication(report);
        return new ReportResponses.Communication(report.id().toString(), log, log.size());
    }

    @GetMapping(path = "/{reportId}/artifacts/{filename}")
    @Operation(
            summary = "A report's file: chart.png, chart.svg or data.csv (drawn from the report's insights)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "OK",
                            content = {
                                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
                            }))
    public ResponseEntity<byte[]> artifact(@PathVariable String reportId, @PathVariable String filename) {
        if (!SAFE_ID.matcher(reportId).matches()) {
            throw ApiException.badRequest("report_id may hold only letters, digits, '-' and '_' (1 to 128)");
        }
        if (filename.length() > 255 || !SAFE_NAME.matcher(filename).matches()) {
            throw ApiException.badRequest("filename must be a plain file name such as chart.png");
        }
        ReportArtifacts.Artifact artifact = reports.artifact(reportId, filename);
        return ResponseEntity.ok()
                .contentType(artifact.type())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(artifact.bytes());
    }
}
