package io.aether.domain.insight;

import java.util.UUID;

/** Every command of the Insight aggregate names its insight. */
public interface InsightCommand {
    UUID insightId();
}
