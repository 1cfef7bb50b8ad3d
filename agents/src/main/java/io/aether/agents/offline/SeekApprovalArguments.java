package io.aether.agents.offline;

import io.aether.domain.proposal.ProposalType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON arguments of a {@code seek_approval} call. Two shapes are written side by side:
 *
 * <ul>
 *   <li>the proposal shape: {@code proposal_type}, {@code title}, {@code description}, and
 *       {@code service_call} (domain, service, entity_id list, data) or {@code config} (an HA
 *       automation);
 *   <li>the parameters the tool registry declares for {@code seek_approval}, which a language
 *       model fills: {@code action_type}, {@code name}, and for an entity command
 *       {@code entity_id}, {@code service_domain}, {@code service_action}, {@code service_data};
 *       for an automation {@code trigger}, {@code conditions}, {@code actions}, {@code mode}.
 * </ul>
 *
 * Both carry the same values, so a handler reading either shape gets the same proposal.
 */
final class SeekApprovalArguments {
    private SeekApprovalArguments() {}

    static Map<String, Object> entityCommand(String title, String description, ServiceCall call) {
        Map<String, Object> a = common(ProposalType.ENTITY_COMMAND, title, description);
        a.put("service_call", call.asServiceCall());
        a.put("entity_id", String.join(", ", call.entityIds()));
        a.put("service_domain", call.domain());
        a.put("service_action", call.service());
        a.put("service_data", call.data());
        return a;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> automation(String title, String description, Map<String, Object> config) {
        Map<String, Object> a = common(ProposalType.AUTOMATION, title, description);
        a.put("config", config);
        a.put("trigger", (List<Object>) config.get("triggers"));
        a.put("conditions", (List<Object>) config.get("conditions"));
        a.put("actions", (List<Object>) config.get("actions"));
        a.put("mode", config.get("mode"));
        return a;
    }

    private static Map<String, Object> common(ProposalType type, String title, String description) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("proposal_type", type.wire());
        a.put("title", title);
        a.put("description", description);
        a.put("action_type", type.wire());
        a.put("name", title);
        return a;
    }
}
