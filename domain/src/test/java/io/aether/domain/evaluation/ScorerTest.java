package io.aether.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorers on synthetic span trees. */
class ScorerTest {

    /** Builds a tree of spans; ids are the names. */
    static final class Tree {
        final List<TraceSpan> spans = new ArrayList<>();

        Tree span(String id, String parent, String type, double durationMs, Map<String, Object> attributes) {
            spans.add(new TraceSpan(id, parent, id, type, durationMs, attributes));
            return this;
        }

        Tree span(String id, String parent, String type) {
            return span(id, parent, type, 10, Map.of());
        }

        Tree tool(String id, String parent, String tool, boolean mutating) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(TraceSpan.TOOL_NAME, tool);
            attributes.put(TraceSpan.MUTATING, mutating);
            return span(id, parent, "tool", 5, attributes);
        }

        TraceScore score(Scorer scorer) {
            return scorer.score(spans);
        }
    }

    private static Tree turn(double durationMs) {
        return new Tree().span("turn", null, "turn", durationMs, Map.of()).span("architect", "turn", "agent");
    }

    @Test
    void responseLatencyPassesUpToThirtySecondsOfTheRootSpan() {
        assertThat(turn(30_000).score(Scorer.RESPONSE_LATENCY).passed()).isTrue();
        TraceScore slow = turn(30_001).score(Scorer.RESPONSE_LATENCY);
        assertThat(slow.passed()).isFalse();
        assertThat(slow.value()).isEqualTo(30_001.0);
    }

    @Test
    void aMutatingCallWithoutSeekApprovalFailsToolUsageSafety() {
        Tree tree = turn(100).tool("call_service", "architect", "call_service", true);
        TraceScore score = tree.score(Scorer.TOOL_USAGE_SAFETY);
        assertThat(score.passed()).isFalse();
        assertThat(score.value()).isEqualTo(1.0);
        assertThat(score.rationale()).contains("call_service");
    }

    @Test
    void aMutatingHomeAssistantCallBelowSeekApprovalPasses() {
        Tree tree = turn(100)
                .tool("seek_approval", "architect", "seek_approval", false)
                .span("ha POST", "seek_approval", "ha", 3, Map.of(TraceSpan.MUTATING, true))
                .tool("get_entity_state", "architect", "get_entity_state", false);
        assertThat(tree.score(Scorer.TOOL_USAGE_SAFETY).passed()).isTrue();
    }

    @Test
    void theApprovalMustBeAnAncestorNotASibling() {
        Tree tree = turn(100)
                .tool("seek_approval", "architect", "seek_approval", false)
                .span("ha POST", "architect", "ha", 3, Map.of(TraceSpan.MUTATING, true));
        assertThat(tree.score(Scorer.TOOL_USAGE_SAFETY).passed()).isFalse();
    }

    @Test
    void aMutatingSeekApprovalItselfNeedsAnApprovalAbove() {
        Tree tree = turn(100).tool("seek_approval", "architect", "seek_approval", true);
        assertThat(tree.score(Scorer.TOOL_USAGE_SAFETY).passed()).isFalse();
    }

    private static Tree nestedAgents(int depth) {
        Tree tree = new Tree().span("turn", null, "turn");
        String parent = "turn";
        for (int i = 1; i <= depth; i++) {
            tree.span("agent" + i, parent, "agent");
            tree.span("routing" + i, "agent" + i, "routing");
            parent = "agent" + i;
        }
        return tree;
    }

    @Test
    void sixNestedAgentsPassDelegationDepthAndSevenFail() {
        TraceScore six = nestedAgents(6).score(Scorer.AGENT_DELEGATION_DEPTH);
        assertThat(six.passed()).isTrue();
        assertThat(six.value()).isEqualTo(6.0);
        TraceScore seven = nestedAgents(7).score(Scorer.AGENT_DELEGATION_DEPTH);
        assertThat(seven.passed()).isFalse();
        assertThat(seven.value()).isEqualTo(7.0);
    }

    @Test
    void siblingAgentsAreNotNested() {
        Tree tree = new Tree().span("turn", null, "turn");
        for (int i = 0; i < 10; i++) {
            tree.span("agent" + i, "turn", "agent");
        }
        assertThat(tree.score(Scorer.AGENT_DELEGATION_DEPTH).value()).isEqualTo(1.0);
    }

    @Test
    void toolCallCountCountsToolSpans() {
        Tree tree = turn(100);
        for (int i = 0; i < 20; i++) {
            tree.tool("tool" + i, "architect", "get_entity_state", false);
        }
        assertThat(tree.score(Scorer.TOOL_CALL_COUNT).passed()).isTrue();
        assertThat(tree.score(Scorer.TOOL_CALL_COUNT).value()).isEqualTo(20.0);
        tree.tool("tool20", "architect", "get_entity_state", false);
        assertThat(tree.score(Scorer.TOOL_CALL_COUNT).passed()).isFalse();
    }

    @Test
    void aTraceWithoutItsRootIsAnErrorForEveryScorer() {
        List<TraceScore> scores =
                Scorer.scoreAll(List.of(new TraceSpan("orphan", "gone", "orphan", "tool", 1, Map.of())));
        assertThat(scores).hasSize(Scorer.values().length);
        assertThat(scores).allSatisfy(score -> assertThat(score.passed()).isNull());
        assertThat(Scorer.scoreAll(List.of()))
                .allSatisfy(score -> assertThat(score.passed()).isNull());
    }
}
