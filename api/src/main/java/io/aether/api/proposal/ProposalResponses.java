package io.aether.api.proposal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.query.ProposalHistoryEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the proposal endpoints, in the original contract's shapes (snake_case on the wire). */
public final class ProposalResponses {
    private ProposalResponses() {}

    /**
     * ProposalResponse of the original contract, plus {@code version} (the ETag of the proposal)
     * and {@code source_insight_id} (the insight it was created from, if any).
     * The original's review fields are not tracked by Aether and always null.
     */
    @Schema(name = "ProposalResponse")
    public record Proposal(
            UUID id,
            ProposalType proposalType,
            String conversationId,
            String name,
            String description,
            JsonNode trigger,
            JsonNode conditions,
            JsonNode actions,
            String mode,
            JsonNode serviceCall,
            ProposalStatus status,
            String haAutomationId,
            Instant proposedAt,
            Instant approvedAt,
            String approvedBy,
            Instant deployedAt,
            Instant rolledBackAt,
            String rejectionReason,
            Instant createdAt,
            Instant updatedAt,
            JsonNode dashboardConfig,
            UUID sourceInsightId,
            int version) {

        public static Proposal of(ProposalView v) {
            return new Proposal(
                    v.id(),
                    v.proposalType(),
                    v.conversationId(),
                    v.name(),
                    v.description(),
                    v.trigger(),
                    v.conditions(),
                    v.actions(),
                    v.mode(),
                    v.serviceCall(),
                    v.status(),
                    v.haAutomationId(),
                    v.proposedAt(),
                    v.approvedAt(),
                    v.approvedBy(),
                    v.deployedAt(),
                    v.rolledBackAt(),
                    v.rejectionReason(),
                    v.createdAt(),
                    v.updatedAt(),
                    v.dashboardConfig(),
                    v.sourceInsightId(),
                    v.version());
        }

        @JsonProperty("original_yaml")
        public String originalYaml() {
            return null;
        }

        @JsonProperty("review_notes")
        public List<JsonNode> reviewNotes() {
            return null;
        }

        @JsonProperty("review_session_id")
        public String reviewSessionId() {
            return null;
        }

        @JsonProperty("parent_proposal_id")
        public String parentProposalId() {
            return null;
        }
    }

    /** ProposalYAMLResponse: the proposal, its Home Assistant YAML and the live HA state when deployed. */
    @Schema(name = "ProposalYAMLResponse")
    public record ProposalDetail(@JsonUnwrapped Proposal proposal, String yamlContent, String haState) {}

    /** {@code nextAfter}: the keyset cursor of the next page ({@code ?after=}), null after the last page. */
    @Schema(name = "ProposalListResponse")
    public record ProposalList(List<Proposal> items, long total, int limit, int offset, String nextAfter) {}

    @Schema(name = "ProposalHistoryResponse")
    public record History(UUID proposalId, List<ProposalHistoryEntry> events) {}

    /** DeploymentResponse of the original contract, plus the deployment id and the resulting status. */
    @Schema(name = "DeploymentResponse")
    public record Deployment(
            boolean success,
            UUID proposalId,
            String haAutomationId,
            String method,
            String yamlContent,
            String instructions,
            Instant deployedAt,
            String error,
            UUID deploymentId,
            ProposalStatus status) {
        private static final String METHOD = "rest_api";

        /** The same answer with the method of the proposal's type (rest_api, ws_lovelace_save, ha_helper_create). */
        Deployment withMethod(String method) {
            return new Deployment(
                    success,
                    proposalId,
                    haAutomationId,
                    method,
                    yamlContent,
                    instructions,
                    deployedAt,
                    error,
                    deploymentId,
                    status);
        }

        static Deployment succeeded(
                UUID proposalId,
                String haAutomationId,
                String yamlContent,
                Instant deployedAt,
                UUID deploymentId,
                ProposalStatus status) {
            return new Deployment(
                    true,
                    proposalId,
                    haAutomationId,
                    METHOD,
                    yamlContent,
                    null,
                    deployedAt,
                    null,
                    deploymentId,
                    status);
        }

        static Deployment failed(
                UUID proposalId,
                String haAutomationId,
                String yamlContent,
                String error,
                UUID deploymentId,
                ProposalStatus status) {
            return new Deployment(
                    false, proposalId, haAutomationId, METHOD, yamlContent, null, null, error, deploymentId, status);
        }

        static Deployment pending(
                UUID proposalId,
                String haAutomationId,
                String yamlContent,
                String instructions,
                UUID deploymentId,
                ProposalStatus status) {
            return new Deployment(
                    false,
                    proposalId,
                    haAutomationId,
                    METHOD,
                    yamlContent,
                    instructions,
                    null,
                    null,
                    deploymentId,
                    status);
        }
    }

    /** RollbackResponse of the original contract, plus what the rollback did and to which version. */
    @Schema(name = "RollbackResponse")
    public record Rollback(
            boolean success,
            UUID proposalId,
            String haAutomationId,
            boolean haDisabled,
            String haError,
            Instant rolledBackAt,
            String note,
            UUID rollbackId,
            Integer targetVersion,
            String action,
            ProposalStatus status) {

        static Rollback succeeded(
                UUID proposalId,
                String haAutomationId,
                boolean haDisabled,
                Instant rolledBackAt,
                String note,
                UUID rollbackId,
                int targetVersion,
                String action,
                ProposalStatus status) {
            return new Rollback(
                    true,
                    proposalId,
                    haAutomationId,
                    haDisabled,
                    null,
                    rolledBackAt,
                    note,
                    rollbackId,
                    targetVersion,
                    action,
                    status);
        }

        static Rollback failed(
                UUID proposalId,
                String haAutomationId,
                String haError,
                String note,
                UUID rollbackId,
                ProposalStatus status) {
            return new Rollback(
                    false, proposalId, haAutomationId, false, haError, null, note, rollbackId, null, null, status);
        }

        static Rollback pending(
                UUID proposalId, String haAutomationId, String note, UUID rollbackId, ProposalStatus status) {
            return new Rollback(
                    false, proposalId, haAutomationId, false, null, null, note, rollbackId, null, null, status);
        }
    }
}
