package io.aether.domain.llm.query;

import java.time.Instant;

/** Per model and agent role, the calls made at {@code since} or later, of one role when {@code agentRole} is set. */
public record MeasureModelPerformance(Instant since, String agentRole) {}
