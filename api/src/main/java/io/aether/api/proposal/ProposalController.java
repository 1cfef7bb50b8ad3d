package io.aether.api.proposal;

import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.web.IfMatch;
import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.ApproveProposal;
import io.aether.domain.proposal.ArchiveProposal;
import io.aether.domain.proposal.DeleteProposal;
import io.aether.domain.proposal.DeprecateProposal;
import io.aether.domain.proposal.DisableProposal;
import io.aether.domain.proposal.EnableProposal;
import io.aether.domain.proposal.ProposalCommand;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.RejectProposal;
import io.aether.domain.proposal.query.ProposalHistory;
import io.aether.domain.proposal.query.ProposalPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proposal lifecycle over HTTP. State-changing endpoints accept {@code If-Match: "<version>"}
 * for optimistic concurrency: the command fails with 409 if the proposal moved past that version.
 * Every command records the authenticated principal ({@link Actor}, resolved from the security
 * context); {@code approved_by} and {@code rejected_by} from the body are only labels beside it.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Proposals",
        description = "Automation proposals: create, approve, deploy to Home Assistant, roll back, audit")
public class ProposalController {
    private final ProposalService proposals;
    private final ProposalDrafts drafts;

    public ProposalController(ProposalService proposals, ProposalDrafts drafts) {
        this.proposals = proposals;
        this.drafts = drafts;
    }

    @GetMapping
    @Operation(summary = "List proposals, newest first (status filter, limit/offset paging, after: keyset cursor)")
    public ProposalResponses.ProposalList list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(required = false) String after) {
        ProposalStatus filter = status == null || status.isBlank() ? null : parseStatus(status);
        return page(proposals.list(filter, limit, offset, ListCursor.parse(after)), limit, offset);
    }

    @GetMapping("/pending")
    @Operation(summary = "List proposals awaiting approval (status proposed)")
    public ProposalResponses.ProposalList pending(
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(required = false) String after) {
        return page(proposals.list(ProposalStatus.PROPOSED, limit, offset, ListCursor.parse(after)), limit, offset);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Get a proposal with its YAML; ?version=N or ?at=<ISO instant> for the proposal as it was then")
    public ResponseEntity<ProposalResponses.ProposalDetail> get(
            @PathVariable UUID id,
            @RequestParam(required = false) @Min(1) Integer version,
            @RequestParam(required = false) String at) {
        if (version != null && at != null) {
            throw ApiException.badRequest("Give either 'version' or 'at', not both");
        }
        Instant instant = at == null ? null : parseInstant(at);
        boolean historical = version != null || instant != null;
        ProposalView view = historical ? proposals.getAt(id, version, instant) : proposals.get(id);
        String haState = historical ? null : proposals.haState(view);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (!historical) {
            // Only the current version is something a client can send back as If-Match.
            response.eTag("\"" + view.version() + "\"");
        }
        return response.body(new ProposalResponses.ProposalDetail(
                ProposalResponses.Proposal.of(view), proposals.yamlContent(view), haState));
    }

    @GetMapping("/{id}/history")
    @Operation(
            summary = "The proposal's events in order: type, version, timestamp, actor (the principal), label, "
                    + "reason, correlation_id, causation_id, payload")
    public ProposalResponses.History history(@PathVariable UUID id) {
        ProposalHistory history = proposals.history(id);
        return new ProposalResponses.History(history.proposalId(), history.events());
    }

    @PostMapping
    @Operation(summary = "Create a proposal from fields or yaml_content; it is submitted for approval at once")
    public ResponseEntity<ProposalResponses.Proposal> create(
            @Valid @RequestBody ProposalRequests.Create request, Actor actor) {
        ProposalView view = proposals.create(drafts.content(request), actor);
        return withETag(ResponseEntity.created(URI.create("/api/v1/proposals/" + view.id())), view);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a proposed proposal")
    public ResponseEntity<ProposalResponses.Proposal> approve(
            @PathVariable UUID id, @Valid @RequestBody ProposalRequests.Approve request, Actor actor, IfMatch ifMatch) {
        return change(new ApproveProposal(
                id, actor, label(request.approvedBy()), request.comment(), ifMatch.expectedSequence()));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a proposed or approved proposal")
    public ResponseEntity<ProposalResponses.Proposal> reject(
            @PathVariable UUID id, @Valid @RequestBody ProposalRequests.Reject request, Actor actor, IfMatch ifMatch) {
        return change(new RejectProposal(
                id, actor, label(request.rejectedBy()), request.reason(), ifMatch.expectedSequence()));
    }

    @PostMapping("/{id}/deploy")
    @Operation(summary = "Deploy an approved proposal to Home Assistant (force=true redeploys a deployed one)")
    public ResponseEntity<ProposalResponses.Deployment> deploy(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ProposalRequests.Deploy request,
            Actor actor,
            IfMatch ifMatch) {
        boolean force = request != null && Boolean.TRUE.equals(request.force());
        ProposalService.Answer<ProposalResponses.Deployment> answer =
                proposals.deploy(id, force, actor, ifMatch.expectedSequence());
        HttpStatus status = answer.refused()
                ? HttpStatus.UNPROCESSABLE_ENTITY
                : answer.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(answer.body());
    }

    @PostMapping("/{id}/rollback")
    @Operation(
            summary =
                    "Roll back: restore what was live before the latest deployment, or at to_version; strategy=disable only turns it off")
    public ResponseEntity<ProposalResponses.Rollback> rollback(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ProposalRequests.Rollback request,
            Actor actor,
            IfMatch ifMatch) {
        ProposalRequests.Rollback body = request == null ? ProposalRequests.Rollback.DEFAULTS : request;
        ProposalService.Answer<ProposalResponses.Rollback> answer = proposals.rollback(
                id, body.toVersion(), body.strategy(), actor, body.reason(), ifMatch.expectedSequence());
        return ResponseEntity.status(answer.pending() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(answer.body());
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a deployed automation (turns it off in Home Assistant)")
    public ResponseEntity<ProposalResponses.Proposal> disable(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ProposalRequests.StatusChange request,
            Actor actor,
            IfMatch ifMatch) {
        return change(new DisableProposal(id, actor, reason(request), ifMatch.expectedSequence()));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled automation (turns it on in Home Assistant)")
    public ResponseEntity<ProposalResponses.Proposal> enable(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ProposalRequests.StatusChange request,
            Actor actor,
            IfMatch ifMatch) {
        return change(new EnableProposal(id, actor, reason(request), ifMatch.expectedSequence()));
    }

    @PostMapping("/{id}/deprecate")
    @Operation(summary = "Mark a deployed or disabled proposal deprecated")
    public ResponseEntity<ProposalResponses.Proposal> deprecate(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ProposalRequests.StatusChange request,
            Actor actor,
            IfMatch ifMatch) {
        return change(new DeprecateProposal(id, actor, reason(request), ifMatch.expectedSequence()));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a rejected, rolled back, disabled or deprecated proposal (terminal)")
    public ResponseEntity<ProposalResponses.Proposal> archive(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ProposalRequests.StatusChange request,
            Actor actor,
            IfMatch ifMatch) {
        return change(new ArchiveProposal(id, actor, reason(request), ifMatch.expectedSequence()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a proposal with nothing live in Home Assistant (its history is kept)")
    public ResponseEntity<Void> delete(@PathVariable UUID id, Actor actor, IfMatch ifMatch) {
        proposals.send(new DeleteProposal(id, actor, ifMatch.expectedSequence()));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ProposalResponses.Proposal> change(ProposalCommand command) {
        return withETag(ResponseEntity.ok(), proposals.change(command));
    }

    /** The proposal's version as its ETag, for If-Match on the next change. */
    private static ResponseEntity<ProposalResponses.Proposal> withETag(
            ResponseEntity.BodyBuilder response, ProposalView view) {
        return response.eTag("\"" + view.version() + "\"").body(ProposalResponses.Proposal.of(view));
    }

    private static ProposalResponses.ProposalList page(ProposalPage page, int limit, int offset) {
        return new ProposalResponses.ProposalList(
                page.items().stream().map(ProposalResponses.Proposal::of).toList(),
                page.total(),
                limit,
                offset,
                ListCursor.next(page.items(), limit));
    }

    private static String reason(ProposalRequests.StatusChange request) {
        return request == null ? null : request.reason();
    }

    /** A name the client gave ({@code approved_by}, {@code rejected_by}): a display label, blank means none. */
    private static String label(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }

    private static ProposalStatus parseStatus(String status) {
        try {
            return ProposalStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static Instant parseInstant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("'at' must be an ISO-8601 instant such as 2026-11-28T10:15:30Z");
            }
        }
    }
}
