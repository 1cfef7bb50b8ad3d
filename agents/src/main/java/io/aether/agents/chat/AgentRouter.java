package io.aether.agents.chat;

import io.aether.domain.conversation.RecordTurn.Routing;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the agent of a turn. {@value #AUTO} matches the message against the intent patterns of the
 * enabled agents (the longest matching phrase wins; the architect on a tie and when nothing
 * matches); a name selects that agent when it exists and is enabled; any other name falls back to
 * the architect, and the routing says so.
 */
public final class AgentRouter {
    public static final String AUTO = "auto";
    public static final String ARCHITECT = "architect";

    private final AgentDirectory agents;

    public AgentRouter(AgentDirectory agents) {
        this.agents = agents;
    }

    /** The routing and the agent it names. */
    public record Routed(Routing routing, AgentSetup agent) {}

    public Routed route(String requested, String message) {
        String asked = requested == null || requested.isBlank() ? AUTO : requested.strip();
        if (AUTO.equalsIgnoreCase(asked)) {
            return auto(message == null ? "" : message.toLowerCase(Locale.ROOT));
        }
        Optional<AgentSetup> named = agents.find(asked);
        if (named.isPresent() && named.get().enabled()) {
            return new Routed(new Routing(asked, asked, "requested by name", false), named.get());
        }
        String why = named.isPresent()
                ? "agent '" + asked + "' is disabled; the architect answers instead"
                : "no agent is named '" + asked + "'; the architect answers instead";
        return new Routed(new Routing(asked, ARCHITECT, why, true), architect());
    }

    private Routed auto(String message) {
        AgentSetup best = null;
        String bestPattern = null;
        for (AgentSetup agent : agents.all()) {
            if (!agent.enabled()) {
                continue;
            }
            for (String pattern : agent.intentPatterns()) {
                String p = pattern.toLowerCase(Locale.ROOT).strip();
                if (p.isEmpty() || !contains(message, p)) {
                    continue;
                }
                boolean longer = bestPattern == null || p.length() > bestPattern.length();
                boolean tieToArchitect =
                        bestPattern != null && p.length() == bestPattern.length() && ARCHITECT.equals(agent.name());
                if (longer || tieToArchitect) {
                    best = agent;
                    bestPattern = p;
                }
            }
        }
        if (best == null || ARCHITECT.equals(best.name())) {
            String reason = best == null
                    ? "no intent pattern matched: the architect answers questions and changes about the home"
                    : "matched \"" + bestPattern + "\"";
            return new Routed(new Routing(AUTO, ARCHITECT, reason, false), architect());
        }
        return new Routed(new Routing(AUTO, best.name(), "matched \"" + bestPattern + "\"", false), best);
    }

    private AgentSetup architect() {
        return agents.find(ARCHITECT)
                .orElseThrow(() -> new IllegalStateException("the agent directory has no architect"));
    }

    /** Whole-word containment ("when" does not match "whenever"). */
    private static boolean contains(String text, String phrase) {
        int from = 0;
        while (true) {
            int at = text.indexOf(phrase, from);
            if (at < 0) {
                return false;
            }
            int end = at + phrase.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
