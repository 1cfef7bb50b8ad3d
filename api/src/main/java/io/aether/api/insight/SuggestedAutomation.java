package io.aether.api.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.api.platform.error.ApiException;
import io.aether.api.proposal.ProposalDrafts;
import io.aether.api.proposal.ProposalRequests;
import io.aether.domain.insight.query.InsightView;
import io.aether.domain.proposal.ProposalContent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The automation an insight suggests: {@code evidence.suggested_automation}, a body in the shape
 * of {@code POST /proposals} (name, trigger, actions, conditions, mode, description or
 * yaml_content), read and checked exactly as that endpoint does, and linked to the insight.
 */
@Component
public class SuggestedAutomation {
    static final String FIELD = "suggested_automation";

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ProposalDrafts drafts;

    public SuggestedAutomation(ObjectMapper mapper, Validator validator, ProposalDrafts drafts) {
        this.mapper = mapper;
        this.validator = validator;
        this.drafts = drafts;
    }

    /** The proposal content, or a 422 that says what is missing or wrong. */
    ProposalContent of(InsightView insight) {
        JsonNode suggestion = insight.content().evidence().get(FIELD);
        if (suggestion == null || !suggestion.isObject()) {
            throw ApiException.validation("This insight suggests no automation: create_automation needs evidence."
                    + FIELD + " (a POST /proposals body) on the insight");
        }
        ProposalContent content = proposal(suggestion, "evidence." + FIELD);
        return new ProposalContent(
                content.proposalType(),
                content.name(),
                content.description(),
                content.trigger(),
                content.conditions(),
                content.actions(),
                content.mode(),
                content.serviceCall(),
                content.dashboardConfig(),
                content.conversationId() != null
                        ? content.conversationId()
                        : insight.content().conversationId(),
                insight.id());
    }

    /**
     * A {@code POST /proposals} body read and checked exactly as that endpoint does; a 422 naming
     * {@code where} when it is not a valid proposal.
     */
    public ProposalContent proposal(JsonNode suggestion, String where) {
        ProposalRequests.Create request;
        try {
            request = mapper.treeToValue(suggestion, ProposalRequests.Create.class);
        } catch (JsonProcessingException e) {
            throw ApiException.validation(where + " is not a proposal: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<ProposalRequests.Create>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ApiException.validation(where + " is not a valid proposal: "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted(Comparator.naturalOrder())
                            .collect(Collectors.joining("; ")));
        }
        return drafts.content(request);
    }
}
