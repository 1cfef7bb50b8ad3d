package io.aether.query.feedback;

/** The processing group of the rating and flow-grade read models (one processor for both: few events). */
public final class AgentFeedback {
    public static final String PROCESSING_GROUP = "agent-feedback";

    private AgentFeedback() {}
}
