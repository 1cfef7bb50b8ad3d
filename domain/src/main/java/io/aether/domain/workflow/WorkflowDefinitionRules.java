package io.aether.domain.workflow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a workflow definition must meet before it is recorded: the original's size limits and
 * a sound topology. Nodes have unique string ids; a plain edge joins two nodes (or the graph's
 * {@value #START} and {@value #END}); a conditional edge leaves a node and may only lead to nodes
 * or {@value #END}; plain edges form no cycle (loops need a condition to end them).
 */
public final class WorkflowDefinitionRules {
    public static final String START = "__start__";
    public static final String END = "__end__";
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_STATE_TYPE = 100;
    public static final int MAX_NODES = 100;
    public static final int MAX_EDGES = 200;
    public static final int MAX_CONDITIONAL_EDGES = 50;
    public static final int MAX_INTENT_PATTERNS = 30;
    public static final int MAX_ID = 100;
    public static final int MAX_INTENT_PATTERN = 500;

    private WorkflowDefinitionRules() {}

    /** A definition's id follows from its name (case and surrounding blanks aside), so names are unique. */
    public static UUID idFor(String name) {
        return UUID.nameUUIDFromBytes(
                ("workflow-definition:" + name.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> problems(WorkflowDefinitionContent content) {
        List<String> problems = new ArrayList<>();
        text(problems, "name", content.name(), 1, MAX_NAME);
        text(problems, "state_type", content.stateType(), 1, MAX_STATE_TYPE);
        if (content.description().length() > MAX_DESCRIPTION) {
            problems.add("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        List<Map<String, Object>> nodes = content.nodes() == null ? List.of() : content.nodes();
        if (nodes.isEmpty() || nodes.size() > MAX_NODES) {
            problems.add("nodes must list 1 to " + MAX_NODES + " nodes");
        }
        if (content.edges().size() > MAX_EDGES) {
            problems.add("edges must list at most " + MAX_EDGES);
        }
        if (content.conditionalEdges().size() > MAX_CONDITIONAL_EDGES) {
            problems.add("conditional_edges must list at most " + MAX_CONDITIONAL_EDGES);
        }
        if (content.intentPatterns().size() > MAX_INTENT_PATTERNS) {
            problems.add("intent_patterns must list at most " + MAX_INTENT_PATTERNS);
        }
        for (String pattern : content.intentPatterns()) {
            if (pattern == null || pattern.isBlank() || pattern.length() > MAX_INTENT_PATTERN) {
                problems.add("each intent pattern must be 1 to " + MAX_INTENT_PATTERN + " characters");
                break;
            }
        }
        if (problems.isEmpty()) {
            topology(problems, nodes, content.edges(), content.conditionalEdges());
        }
        return problems;
    }

    private static void topology(
            List<String> problems,
            List<Map<String, Object>> nodes,
            List<Map<String, Object>> edges,
            List<Map<String, Object>> conditional) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Object id = nodes.get(i) == null ? null : nodes.get(i).get("id");
            if (!(id instanceof String s) || s.isBlank() || s.length() > MAX_ID) {
                problems.add("nodes[" + i + "].id must be a name of 1 to " + MAX_ID + " characters");
            } else if (s.equals(START) || s.equals(END)) {
                problems.add("nodes[" + i + "].id " + s + " is reserved for the graph's start and end");
            } else if (!ids.add(s)) {
                problems.add("nodes[" + i + "].id " + s + " is used by another node");
            }
        }
        Map<String, List<String>> next = new HashMap<>();
        for (int i = 0; i < edges.size(); i++) {
            Map<String, Object> edge = edges.get(i) == null ? Map.of() : edges.get(i);
            String source = endpoint(problems, "edges[" + i + "].source", edge.get("source"), ids, true);
            String target = endpoint(problems, "edges[" + i + "].target", edge.get("target"), ids, false);
            if (source != null && target != null) {
                next.computeIfAbsent(source, k -> new ArrayList<>()).add(target);
            }
        }
        for (int i = 0; i < conditional.size(); i++) {
            Map<String, Object> edge = conditional.get(i) == null ? Map.of() : conditional.get(i);
            String where = "conditional_edges[" + i + "]";
            Object source = edge.get("source");
            if (!(source instanceof String s) || !ids.contains(s)) {
                problems.add(where + ".source must be one of the nodes");
            }
            Object targets = edge.get("targets");
            if (targets instanceof Map<?, ?> map) {
                targets = List.copyOf(map.values());
            }
            if (targets != null && !(targets instanceof List<?>)) {
                problems.add(where + ".targets must be a list of node ids or a map of outcomes to node ids");
            } else if (targets instanceof List<?> list) {
                for (Object target : list) {
                    if (!(target instanceof String s) || !(ids.contains(s) || s.equals(END))) {
                        problems.add(where + ".targets: " + target + " is not one of the nodes or " + END);
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            String cycle = cycle(ids, next);
            if (cycle != null) {
                problems.add("edges form a cycle through " + cycle + " (a loop needs a conditional edge to end it)");
            }
        }
    }

    private static String endpoint(List<String> problems, String where, Object value, Set<String> ids, boolean source) {
        String special = source ? START : END;
        if (value instanceof String s && (ids.contains(s) || s.equals(special))) {
            return s;
        }
        problems.add(where + " must be one of the nodes or " + special + " (was " + value + ")");
        return null;
    }

    /** A node on a cycle of plain edges, or null (depth-first search with colours). */
    private static String cycle(Set<String> ids, Map<String, List<String>> next) {
        Map<String, Integer> colour = new HashMap<>();
        for (String start : ids) {
            String found = visit(start, next, colour, new HashSet<>());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(
            String node, Map<String, List<String>> next, Map<String, Integer> colour, Set<String> path) {
        Integer seen = colour.get(node);
        if (seen != null) {
            return seen == 1 ? node : null;
        }
        colour.put(node, 1);
        for (String to : next.getOrDefault(node, List.of())) {
            String found = visit(to, next, colour, path);
            if (found != null) {
                return found;
            }
        }
        colour.put(node, 2);
        return null;
    }

    private static void text(List<String> problems, String field, String value, int min, int max) {
        if (value == null || value.strip().length() < min || value.length() > max) {
            problems.add(field + " must be " + min + " to " + max + " characters");
        }
    }
}
