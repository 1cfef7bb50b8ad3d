package io.aether.domain.evaluation;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The evaluation process reports one trace's scores (a repeat for the same trace is ignored). */
public record RecordTraceScores(@TargetAggregateIdentifier UUID jobId, String traceId, List<TraceScore> scores) {}
