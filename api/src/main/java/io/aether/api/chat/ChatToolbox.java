package io.aether.api.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aether.agents.chat.ChatTools;
import io.aether.api.proposal.ProposalDrafts;
import io.aether.api.proposal.ProposalRequests;
import io.aether.api.proposal.ProposalService;
import io.aether.api.proposal.ProposalYaml;
import io.aether.domain.ErrorKind;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.ProposalView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tools chat offers a model. Read-only ones answer from Aether's mirrors of Home Assistant
 * ({@code ha_entity}, {@code ha_area}); {@code seek_approval} is the one way to change anything:
 * it validates the change like {@code POST /proposals} and creates the proposal in
 * {@code proposed} through the same command path, for a person to approve and deploy. Nothing here
 * calls Home Assistant.
 */
@Component
public class ChatToolbox implements ChatTools {
    static final String SEEK_APPROVAL = "seek_approval";
    static final Set<String> TOOLS = Set.of(
            "get_entity_state",
            "list_entities_by_domain",
            "search_entities",
            "get_domain_summary",
            "list_automations",
            SEEK_APPROVAL);
    private static final int MAX_LISTED = 200;

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final ProposalDrafts drafts;
    private final ProposalService proposals;
    private final ProposalYaml yaml;

    public ChatToolbox(
            JdbcClient jdbc, ObjectMapper mapper, ProposalDrafts drafts, ProposalService proposals, ProposalYaml yaml) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.drafts = drafts;
        this.proposals = proposals;
        this.yaml = yaml;
    }

    @Override
    public boolean supports(String toolName) {
        return TOOLS.contains(toolName);
    }

    @Override
    public ToolResult call(String toolName, JsonNode arguments, Context context) {
        try {
            return switch (toolName) {
                case "get_entity_state" -> entityState(text(arguments, "entity_id"));
                case "list_entities_by_domain" -> byDomain(text(arguments, "domain"), text(arguments, "state_filter"));
                case "search_entities" -> search(text(arguments, "query"));
                case "get_domain_summary" -> summary(text(arguments, "domain"));
                case "list_automations" -> byDomain("automation", null);
                case SEEK_APPROVAL -> seekApproval(arguments, context);
                default -> ToolResult.refused("no tool named '" + toolName + "'");
            };
        } catch (RuntimeException e) {
            if (e instanceof ErrorKind.Carrier carrier
                    && (carrier.kind() == ErrorKind.VALIDATION || carrier.kind() == ErrorKind.BAD_REQUEST)) {
                return ToolResult.refused(e.getMessage());
            }
            throw e;
        }
    }

    private ToolResult entityState(String entityId) {
        if (entityId == null) {
            return ToolResult.refused("entity_id is required");
        }
        return jdbc.sql("""
                        SELECT e.entity_id, e.name, e.state, e.attributes, a.name AS area
                        FROM ha_entity e LEFT JOIN ha_area a ON a.ha_area_id = e.area_id WHERE e.entity_id = :id""")
                .param("id", entityId)
                .query((rs, n) -> {
                    ObjectNode node = mapper.createObjectNode();
                    node.put("entity_id", rs.getString("entity_id"));
                    node.put("friendly_name", rs.getString("name"));
                    node.put("state", rs.getString("state"));
                    node.put("area", rs.getString("area"));
                    node.set("attributes", parse(rs.getString("attributes")));
                    return ToolResult.of(node.toString());
                })
                .optional()
                .orElseGet(() -> ToolResult.refused("Home Assistant has no entity " + entityId));
    }

    private ToolResult byDomain(String domain, String state) {
        if (domain == null) {
            return ToolResult.refused("domain is required");
        }
        ArrayNode list = mapper.createArrayNode();
        jdbc.sql("""
                        SELECT entity_id, name, state FROM ha_entity
                        WHERE domain = :domain AND (CAST(:state AS TEXT) IS NULL OR state = :state)
                        ORDER BY entity_id LIMIT :limit""")
                .param("domain", domain)
                .param("state", state)
                .param("limit", MAX_LISTED)
                .query((rs, n) -> list.addObject()
                        .put("entity_id", rs.getString("entity_id"))
                        .put("friendly_name", rs.getString("name"))
                        .put("state", rs.getString("state")))
                .list();
        return ToolResult.of(list.toString());
    }

    private ToolResult search(String query) {
        if (query == null) {
            return ToolResult.refused("query is required");
        }
        String like = "%"
                + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        ArrayNode list = mapper.createArrayNode();
        jdbc.sql("""
                        SELECT entity_id, name, state FROM ha_entity
                        WHERE lower(entity_id) LIKE :like OR lower(name) LIKE :like
                        ORDER BY entity_id LIMIT 50""")
                .param("like", like)
                .query((rs, n) -> list.addObject()
                        .put("entity_id", rs.getString("entity_id"))
                        .put("friendly_name", rs.getString("name"))
                        .put("state", rs.getString("state")))
                .list();
        return ToolResult.of(list.toString());
    }

    private ToolResult summary(String domain) {
        if (domain == null) {
            return ToolResult.refused("domain is required");
        }
        ObjectNode states = mapper.createObjectNode();
        long[] total = {0};
        jdbc.sql("""
                        SELECT coalesce(state, 'unknown') AS state, count(*) AS n FROM ha_entity WHERE domain = :domain
                        GROUP BY 1 ORDER BY 1""")
                .param("domain", domain)
                .query((rs, n) -> {
                    states.put(rs.getString("state"), rs.getLong("n"));
                    total[0] += rs.getLong("n");
                    return null;
                })
                .list();
        ObjectNode node = mapper.createObjectNode();
        node.put("domain", domain);
        node.put("total", total[0]);
        node.set("states", states);
        return ToolResult.of(node.toString());
    }

    /** Both argument shapes: the registry's (action_type, name, ...) and the proposal's (proposal_type, title, service_call, config). */
    private ToolResult seekApproval(JsonNode a, Context context) {
        String typeText = first(text(a, "action_type"), text(a, "proposal_type"));
        if (typeText == null) {
            return ToolResult.refused(
                    "action_type is required (entity_command, automation, script, scene, helper, dashboard)");
        }
        ProposalType type;
        try {
            type = ProposalType.fromWire(typeText);
        } catch (IllegalArgumentException e) {
            return ToolResult.refused(e.getMessage());
        }
        String name = first(text(a, "name"), text(a, "title"));
        String yamlContent = text(a, "yaml_content");
        JsonNode config = a.path("config").isObject() ? a.get("config") : null;
        JsonNode trigger = node(a, "trigger", config, "triggers");
        JsonNode conditions = node(a, "conditions", config, "conditions");
        JsonNode actions = node(a, "actions", config, "actions");
        String mode = first(text(a, "mode"), config == null ? null : text(config, "mode"));
        JsonNode serviceCall = a.path("service_call").isObject() ? a.get("service_call") : null;
        JsonNode dashboardConfig = a.path("dashboard_config").isObject() ? a.get("dashboard_config") : null;
        if (serviceCall == null && type == ProposalType.ENTITY_COMMAND && text(a, "service_action") != null) {
            serviceCall = serviceCall(a);
        }
        if (yamlContent != null && serviceCall == null && type == ProposalType.HELPER) {
            serviceCall = yaml.parseMapping(yamlContent);
            yamlContent = null;
        }
        if (yamlContent != null && dashboardConfig == null && type == ProposalType.DASHBOARD) {
            dashboardConfig = yaml.parseMapping(yamlContent);
            yamlContent = null;
        }
        ProposalRequests.Create request = new ProposalRequests.Create(
                name,
                trigger,
                actions,
                yamlContent,
                text(a, "description"),
                conditions,
                mode,
                type,
                serviceCall,
                dashboardConfig,
                context.conversationId() == null
                        ? null
                        : context.conversationId().toString());
        ProposalContent content = drafts.content(request);
        ProposalView created = proposals.create(content, context.actor());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("proposal_id", created.id().toString());
        answer.put("status", "proposed");
        answer.put("proposal_type", type.wire());
        answer.put("name", created.name());
        answer.put("message", "Submitted for approval: nothing changes in the home until a person approves it.");
        try {
            return ToolResult.proposal(mapper.writeValueAsString(answer), created.id());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode serviceCall(JsonNode a) {
        ObjectNode call = mapper.createObjectNode();
        String entity = text(a, "entity_id");
        String domain = text(a, "service_domain");
        if (domain == null && entity != null && entity.contains(".")) {
            domain = entity.substring(0, entity.indexOf('.'));
        }
        call.put("domain", domain);
        call.put("service", text(a, "service_action"));
        ArrayNode ids = call.putArray("entity_id");
        if (entity != null) {
            for (String id : entity.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
        }
        call.set("data", a.path("service_data").isObject() ? a.get("service_data") : mapper.createObjectNode());
        return call;
    }

    private static JsonNode node(JsonNode a, String field, JsonNode config, String configField) {
        JsonNode value = a.get(field);
        if (value != null && !value.isNull()) {
            return value;
        }
        return config == null
                        || config.get(configField) == null
                        || config.get(configField).isNull()
                ? null
                : config.get(configField);
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** For docs and the models list: the tools implemented here. */
    static List<String> names() {
        return List.copyOf(TOOLS);
    }
}
