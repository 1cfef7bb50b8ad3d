package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.web.IfMatch;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.ReviseProposal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original's proposal helpers: edit a proposal's YAML before approval (recorded as
 * {@code ProposalRevised}), validate its config without deploying, verify a deployment against
 * what Home Assistant holds now.
 */
@RestController
@RequestMapping(path = "/api/v1/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Proposals")
public class ProposalHelpersController {
    private final ProposalService proposals;
    private final ProposalChecks checks;
    private final ProposalEdits edits;

    public ProposalHelpersController(ProposalService proposals, ProposalChecks checks, ProposalEdits edits) {
        this.proposals = proposals;
        this.checks = checks;
        this.edits = edits;
    }

    /** Body {@code {"yaml_content": "..."}}; answer {@code {success, proposal_id, updated_fields}}. */
    public record YamlEdit(boolean success, UUID proposalId, List<String> updatedFields, int version) {}

    @PatchMapping("/{id}/yaml")
    @Operation(
            summary = "Edit a proposed proposal's YAML (automation/script/scene: its fields; helper and "
                    + "entity_command: service_call; dashboard: dashboard_config); recorded as a revision")
    public ResponseEntity<YamlEdit> editYaml(
            @PathVariable UUID id, @RequestBody(required = false) JsonNode body, Actor actor, IfMatch ifMatch) {
        JsonNode text = body == null ? null : body.get("yaml_content");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw ApiException.validation("yaml_content is required (the proposal's new YAML)");
        }
        if (text.asText().length() > 10_000) {
            throw ApiException.validation("yaml_content must be at most 10000 characters");
        }
        ProposalView view = proposals.get(id);
        if (view.status() != ProposalStatus.PROPOSED) {
            throw new ApiException(
                    ErrorKind.CONFLICT,
                    "Cannot edit a proposal in status '" + view.status().wire()
                            + "'; only 'proposed' proposals can be edited");
        }
        ProposalContent content = edits.edited(view, text.asText());
        ProposalView after = proposals.change(new ReviseProposal(id, content, actor, ifMatch.expectedSequence()));
        return ResponseEntity.ok()
                .eTag("\"" + after.version() + "\"")
                .body(new YamlEdit(true, id, ProposalEdits.changedFields(view, after), after.version()));
    }

    @PostMapping("/{id}/validate")
    @Operation(summary = "Validate the config a deployment would send, without deploying: {valid, errors, warnings}")
    public ProposalChecks.Validation validate(@PathVariable UUID id) {
        return checks.validate(id);
    }

    @GetMapping("/{id}/verify")
    @Operation(summary = "Compare what Home Assistant holds now with what the latest deployment sent")
    public ObjectNode verify(@PathVariable UUID id) {
        return checks.verify(id);
    }
}
