package io.aether.api.support;

import io.aether.domain.proposal.ProposalEvent;
import io.aether.query.proposal.ProposalListProjection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Test only (found by the application's component scan of io.aether on the test classpath): a
 * second handler in the proposal-list processing group, run before the projection's own, that
 * throws on every event of the proposals a test has poisoned. With nothing poisoned it does
 * nothing, so it lets a test watch the real projection's dead-letter queue at work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ProcessingGroup(ProposalListProjection.PROCESSING_GROUP)
public class PoisonedProposalHandler {
    private final Set<UUID> poisoned = ConcurrentHashMap.newKeySet();

    public void poison(UUID proposalId) {
        poisoned.add(proposalId);
    }

    public void cure(UUID proposalId) {
        poisoned.remove(proposalId);
    }

    @EventHandler
    void on(ProposalEvent event) {
        if (poisoned.contains(event.proposalId())) {
            throw new IllegalStateException(
                    "test poison: cannot fold " + event.getClass().getSimpleName() + " of " + event.proposalId());
        }
    }
}
