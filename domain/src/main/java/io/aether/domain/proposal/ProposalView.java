package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A proposal as the read side presents it (list rows, detail, time travel). */
public record ProposalView(
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
        JsonNode dashboardConfig,
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
        UUID sourceInsightId,
        int version) {

    public static ProposalView of(ProposalState s) {
        ProposalContent c = s.content();
        return new ProposalView(
                s.id(),
                c.proposalType(),
                c.conversationId(),
                c.name(),
                c.description(),
                c.trigger(),
                c.conditions(),
                c.actions(),
                c.mode(),
                c.serviceCall(),
                c.dashboardConfig(),
                s.status(),
                s.everDeployed() ? s.haAutomationId() : null,
                s.proposedAt(),
                s.approvedAt(),
                s.approvedBy(),
                s.deployedAt(),
                s.rolledBackAt(),
                s.rejectionReason(),
                s.createdAt(),
                s.updatedAt(),
                c.sourceInsightId(),
                s.version());
    }
}
