package io.aether.domain.insight;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The analysis process reports the insights it recorded.
 *
 * @param note what the run has to say about itself (why it found nothing to look at), or null
 */
public record RecordAnalysisCompleted(
        @TargetAggregateIdentifier UUID jobId, List<UUID> insightIds, String note) {
    public RecordAnalysisCompleted(UUID jobId, List<UUID> insightIds) {
        this(jobId, insightIds, null);
    }
}
