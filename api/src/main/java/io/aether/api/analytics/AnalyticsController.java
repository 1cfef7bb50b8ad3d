package io.aether.api.analytics;

import io.aether.domain.analytics.query.AgentAnalyticsPage;
import io.aether.domain.analytics.query.FindAgentAnalytics;
import io.aether.domain.analytics.query.GetInsightAnalytics;
import io.aether.domain.analytics.query.GetProposalAnalytics;
import io.aether.domain.analytics.query.InsightAnalytics;
import io.aether.domain.analytics.query.ProposalAnalytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analytics over the history, from read models of their own projections (never a scan of the
 * event store on a request). docs/api.md "Analytics".
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
@Validated
public class AnalyticsController {
    static final MediaType SVG = MediaType.valueOf("image/svg+xml;charset=UTF-8");

    private final QueryGateway queries;
    private final Clock clock;

    public AnalyticsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping(path = "/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Proposal funnel, lead-time percentiles and rates for the proposals created in [from, to), and"
                    + " the lifecycle steps counted per day or week")
    public ProposalAnalytics proposals(
            @Parameter(
                            description =
                                    "ISO-8601 date (start of that UTC day) or instant, inclusive; default: 30 days"
                                            + " before 'to'")
                    @RequestParam(required = false)
                    String from,
            @Parameter(
                            description = "ISO-8601 date (through the end of that UTC day) or instant, exclusive;"
                                    + " default: now")
                    @RequestParam(required = false)
                    String to,
            @Parameter(description = "day (default; range up to 366 days) or week (up to 1,830 days)")
                    @RequestParam(required = false)
                    String bucket) {
        return analytics(from, to, bucket);
    }

    @GetMapping(path = "/proposals.svg")
    @Operation(
            summary = "The same analytics drawn as an SVG image: the funnel and the lead times over time",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "OK",
                            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))))
    public ResponseEntity<String> proposalsSvg(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String bucket) {
        return ResponseEntity.ok().contentType(SVG).body(ProposalAnalyticsSvg.render(analytics(from, to, bucket)));
    }

    @GetMapping(path = "/agents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Agents by name with their config and prompt promotions and rollbacks, and how long each of"
                    + " their latest versions stayed active")
    public AgentAnalyticsPage agents(
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int offset,
            @Parameter(description = "latest activations listed per kind (config, prompt), newest first")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(100)
                    int activations) {
        return queries.query(new FindAgentAnalytics(limit, offset, activations), AgentAnalyticsPage.class)
                .join();
    }

    @GetMapping(path = "/insights", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "For the insights created in [from, to), in all and per type: how many were generated,"
                    + " reviewed, acted upon and dismissed, and the time to the first review (p50/p90)")
    public InsightAnalytics insights(
            @Parameter(description = "as for /analytics/proposals; default: 30 days before 'to'")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "as for /analytics/proposals; default: now; the range is at most 366 days")
                    @RequestParam(required = false)
                    String to) {
        AnalyticsRange range = AnalyticsRange.parse(from, to, null, clock.instant());
        return queries.query(new GetInsightAnalytics(range.from(), range.to()), InsightAnalytics.class)
                .join();
    }

    private ProposalAnalytics analytics(String from, String to, String bucket) {
        AnalyticsRange range = AnalyticsRange.parse(from, to, bucket, clock.instant());
        return queries.query(
                        new GetProposalAnalytics(range.from(), range.to(), range.bucket()), ProposalAnalytics.class)
                .join();
    }
}
