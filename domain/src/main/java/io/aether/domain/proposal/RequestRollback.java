package io.aether.domain.proposal;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the intent to roll back to toVersion (1-based API version; null means before the latest deployment). */
public record RequestRollback(@TargetAggregateIdentifier UUID proposalId, UUID rollbackId, Integer toVersion, RollbackStrategy strategy, String actor, String reason, @TargetAggregateVersion Long expectedVersion) {
}
