package io.aether.api.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.ProposalView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A proposal's content after its YAML is replaced ({@code PATCH /proposals/{id}/yaml}, and
 * {@code POST /proposals/{id}/refine} with the YAML a model revised), and which fields changed.
 */
@Component
public class ProposalEdits {
    private final ProposalDrafts drafts;
    private final ProposalYaml yaml;

    public ProposalEdits(ProposalDrafts drafts, ProposalYaml yaml) {
        this.drafts = drafts;
        this.yaml = yaml;
    }

    /** The new content: the YAML read as the proposal's type reads it, the rest kept. */
    public ProposalContent edited(ProposalView view, String text) {
        ProposalType type = view.proposalType();
        if (type == ProposalType.HELPER || type == ProposalType.ENTITY_COMMAND || type == ProposalType.DASHBOARD) {
            JsonNode parsed = yaml.parseMapping(text);
            ProposalContent c = ProposalChecks.contentOf(view);
            JsonNode serviceCall = type == ProposalType.DASHBOARD ? c.serviceCall() : parsed;
            JsonNode dashboard = type == ProposalType.DASHBOARD ? parsed : c.dashboardConfig();
            return drafts.content(new ProposalRequests.Create(
                    view.name(),
                    null,
                    null,
                    null,
                    view.description(),
                    null,
                    view.mode(),
                    type,
                    serviceCall,
                    dashboard,
                    view.conversationId()));
        }
        JsonNode parsed = yaml.parseMapping(text);
        boolean named = parsed.hasNonNull("alias") || parsed.hasNonNull("name");
        return drafts.content(new ProposalRequests.Create(
                named ? null : view.name(),
                null,
                null,
                text,
                null,
                null,
                null,
                type,
                view.serviceCall(),
                view.dashboardConfig(),
                view.conversationId()));
    }

    public static List<String> changedFields(ProposalView before, ProposalView after) {
        List<String> fields = new ArrayList<>();
        compare(fields, "name", before.name(), after.name());
        compare(fields, "description", before.description(), after.description());
        compare(fields, "trigger", before.trigger(), after.trigger());
        compare(fields, "conditions", before.conditions(), after.conditions());
        compare(fields, "actions", before.actions(), after.actions());
        compare(fields, "mode", before.mode(), after.mode());
        compare(fields, "service_call", before.serviceCall(), after.serviceCall());
        compare(fields, "dashboard_config", before.dashboardConfig(), after.dashboardConfig());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }
}
