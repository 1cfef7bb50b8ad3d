package io.aether.api.proposal;

import io.aether.api.platform.eventstore.EventArrivals;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalRollbackFailed;
import io.aether.domain.proposal.ProposalRolledBack;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Lets an HTTP request wait for the outcome of the deployment or rollback it asked for. Outcome
 * events arrive through {@link EventArrivals} once committed, on whichever node the process
 * manager stored them, so a request waits as briefly on a node that does not run the process
 * manager as on the one that does. Should the wait time out, the event store is checked once.
 */
@Component
public class OperationOutcomes {
    private final Map<UUID, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();
    private final EventStore eventStore;

    public OperationOutcomes(EventStore eventStore, EventArrivals arrivals) {
        this.eventStore = eventStore;
        arrivals.subscribe(this::arrived);
    }

    /** An outcome event and its position in the event store (null when read back after a timeout). */
    public record Outcome(ProposalEvent event, Long position) {}

    /** Register before sending the command, so that a fast outcome is not missed. */
    public void expect(UUID operationId) {
        waiting.put(operationId, new CompletableFuture<>());
    }

    public void forget(UUID operationId) {
        waiting.remove(operationId);
    }

    /** The outcome event, or empty when none was stored within the timeout. */
    public Optional<Outcome> await(UUID proposalId, UUID operationId, Duration timeout) {
        CompletableFuture<Outcome> future = waiting.get(operationId);
        try {
            return Optional.of(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return storedOutcome(proposalId, operationId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return storedOutcome(proposalId, operationId);
        } finally {
            waiting.remove(operationId);
        }
    }

    private void arrived(TrackedEventMessage<?> message) {
        if (!(message.getPayload() instanceof ProposalEvent event)) {
            return;
        }
        UUID operationId = operationIdOf(event);
        if (operationId == null) {
            return;
        }
        CompletableFuture<Outcome> future = waiting.get(operationId);
        if (future != null) {
            Long position = message.trackingToken().position().isPresent()
                    ? message.trackingToken().position().getAsLong()
                    : null;
            future.complete(new Outcome(event, position));
        }
    }

    private Optional<Outcome> storedOutcome(UUID proposalId, UUID operationId) {
        return eventStore
                .readEvents(proposalId.toString(), 0L)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(ProposalEvent.class::isInstance)
                .map(ProposalEvent.class::cast)
                .filter(p -> operationId.equals(operationIdOf(p)))
                .reduce((first, second) -> second)
                .map(event -> new Outcome(event, null));
    }

    private static UUID operationIdOf(ProposalEvent event) {
        if (event instanceof ProposalDeployed e) {
            return e.deploymentId();
        }
        if (event instanceof ProposalDeploymentFailed e) {
            return e.deploymentId();
        }
        if (event instanceof ProposalRolledBack e) {
            return e.rollbackId();
        }
        if (event instanceof ProposalRollbackFailed e) {
            return e.rollbackId();
        }
        return null;
    }
}
