package io.aether.api.chat;

import io.aether.domain.actor.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /proposals/{id}/refine}: the architect revises a proposed proposal after feedback. */
@RestController
@RequestMapping(path = "/api/v1/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Proposals")
public class ProposalRefineController {
    private final ProposalRefinement refinement;
    private final ChatRateLimit limit;

    public ProposalRefineController(ProposalRefinement refinement, ChatRateLimit limit) {
        this.refinement = refinement;
        this.limit = limit;
    }

    @Schema(name = "RefineRequest")
    public record RefineRequest(@NotBlank @Size(max = 4000) String feedback) {}

    @Schema(name = "RefineResponse")
    public record RefineResponse(
            boolean success,
            String originalProposalId,
            String newProposalId,
            String summary,
            List<String> updatedFields,
            int version) {}

    @PostMapping(path = "/{id}/refine", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ask the architect to revise a proposed proposal after feedback (a new revision of it)",
            description = "Recorded as ProposalRevised on the same proposal (new_proposal_id = original_proposal_id); "
                    + "409 unless proposed; 501 without a language model; 502 when the model fails or answers "
                    + "no valid proposal.")
    public ResponseEntity<RefineResponse> refine(
            @PathVariable UUID id, @Valid @RequestBody RefineRequest request, Actor actor) {
        limit.spend(actor);
        ProposalRefinement.Refined refined =
                refinement.refine(id, request.feedback().strip(), actor);
        String summary = refined.changedFields().isEmpty()
                ? "The architect kept the proposal as it was"
                : "The architect revised " + String.join(", ", refined.changedFields());
        return ResponseEntity.ok()
                .eTag("\"" + refined.after().version() + "\"")
                .body(new RefineResponse(
                        true,
                        id.toString(),
                        id.toString(),
                        summary,
                        refined.changedFields(),
                        refined.after().version()));
    }
}
