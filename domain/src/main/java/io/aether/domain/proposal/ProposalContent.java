package io.aether.domain.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * What a proposal proposes. Free-form Home Assistant structures (trigger, conditions, actions,
 * service call, dashboard config) are kept as JSON exactly as the author gave them.
 *
 * @param sourceInsightId the insight it was created from ({@code create_automation}), or null
 */
public record ProposalContent(
        ProposalType proposalType,
        String name,
        String description,
        JsonNode trigger,
        JsonNode conditions,
        JsonNode actions,
        String mode,
        JsonNode serviceCall,
        JsonNode dashboardConfig,
        String conversationId,
        UUID sourceInsightId) {}
