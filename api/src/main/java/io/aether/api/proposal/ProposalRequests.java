package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.RollbackStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the proposal endpoints (snake_case on the wire). */
public final class ProposalRequests {
    private ProposalRequests() {}

    /** POST /proposals: from fields, from yaml_content, or both (explicit fields win). */
    @Schema(name = "ProposalCreate")
    public record Create(
            @Size(max = 255) String name,
            JsonNode trigger,
            JsonNode actions,
            @Size(max = 10_000) String yamlContent,
            @Size(max = 2000) String description,
            JsonNode conditions,

            @Pattern(
                    regexp = "single|restart|queued|parallel",
                    message = "must be one of single, restart, queued, parallel")
            String mode,

            ProposalType proposalType,
            JsonNode serviceCall,
            JsonNode dashboardConfig,
            @Size(max = 255) String conversationId) {}

    @Schema(name = "ApprovalRequest")
    public record Approve(
            @Size(max = 100) String approvedBy,
            @Size(max = 2000) String comment,
            String traceId) {}

    @Schema(name = "RejectionRequest")
    public record Reject(
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 100) String rejectedBy,
            String traceId) {}

    @Schema(name = "DeployRequest")
    public record Deploy(Boolean force) {}

    /** to_version: the 1-based version to go back to (default: before the latest deployment). */
    @Schema(name = "RollbackRequest")
    public record Rollback(
            @Size(max = 2000) String reason, @Min(1) Integer toVersion, RollbackStrategy strategy) {
        /** No body: no reason, before the latest deployment, the default strategy. */
        static final Rollback DEFAULTS = new Rollback(null, null, null);
    }

    /** disable, enable, deprecate, archive. */
    @Schema(name = "StatusChangeRequest")
    public record StatusChange(@Size(max = 2000) String reason) {}
}
