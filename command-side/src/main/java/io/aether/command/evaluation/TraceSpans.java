package io.aether.command.evaluation;

import io.aether.domain.evaluation.TraceSpan;
import java.util.List;

/**
 * Port to the stored spans of a trace (the api module implements it with its span table); empty
 * when none is stored. Throws when the store cannot be read.
 */
public interface TraceSpans {
    List<TraceSpan> spans(String traceId);
}
