package io.aether.api.proposal;

import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Lets an HTTP request wait for the outcome of the deployment or rollback it asked for. Outcome
 * events reach this subscribing handler on the node that stored them; when the outcome was
 * stored elsewhere (another node) the event store is checked once the wait times out.
 */
@Component
@ProcessingGroup("proposal-outcomes")
public class OperationOutcomes {
    private final Map<UUID, CompletableFuture<Object>> waiting = new ConcurrentHashMap<>();
    private final EventStore eventStore;

    public OperationOutcomes(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Register before sending the command, so that a fast outcome is not missed. */
    public void expect(UUID operationId) {
        waiting.put(operationId, new CompletableFuture<>());
    }

    public void forget(UUID operationId) {
        waiting.remove(operationId);
    }

    /** The outcome event, or empty when none was stored within the timeout. */
    public Optional<Object> await(UUID proposalId, UUID operationId, Duration timeout) {
        CompletableFuture<Object> future = waiting.get(operationId);
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

    @EventHandler
    void on(ProposalDeployed e) {
        complete(e.deploymentId(), e);
    }

    @EventHandler
    void on(ProposalDeploymentFailed e) {
        complete(e.deploymentId(), e);
    }

    @EventHandler
    void on(ProposalRolledBack e) {
        complete(e.rollbackId(), e);
    }

    @EventHandler
    void on(ProposalRollbackFailed e) {
        complete(e.rollbackId(), e);
    }

    private void complete(UUID operationId, Object outcome) {
        CompletableFuture<Object> future = waiting.get(operationId);
        if (future == null) {
            return;
        }
        // Subscribing handlers run before the transaction commits: answer only once it has.
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> future.complete(outcome));
        } else {
            future.complete(outcome);
        }
    }

    private Optional<Object> storedOutcome(UUID proposalId, UUID operationId) {
        return eventStore.readEvents(proposalId.toString(), 0L).asStream()
                .<Object>map(DomainEventMessage::getPayload)
                .filter(p -> operationId.equals(operationIdOf(p)))
                .reduce((first, second) -> second);
    }

    private static UUID operationIdOf(Object event) {
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
