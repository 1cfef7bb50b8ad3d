package io.aether.query;

import io.aether.query.projection.ProjectionBatch;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side wires its own projections: their processor settings (query-side.properties,
 * overridable like any Spring property) and their error handling. Its migrations live under
 * db/migration/query. The application lists none of this.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:query-side.properties")
public class QuerySideConfiguration {
    private static final Logger log = LoggerFactory.getLogger(QuerySideConfiguration.class);

    /**
     * A failing projection handler must not skip its event (Axon's default logs and moves on): the
     * error propagates to the projection's dead-letter queue ({@link #projectionDeadLetterQueues}).
     */
    @Bean
    ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> Projections.NAMES.forEach(group ->
                processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }

    /**
     * Each projection parks the events its handlers throw on in Axon's JDBC sequenced dead-letter
     * queue (table dead_letter_entry, V61): the event is parked with its cause, every later event
     * of the same aggregate (the sequence) is parked behind it without being handled, and the
     * projection goes on with the other aggregates. The letter is written in the batch's own
     * transaction, so it is parked exactly when the batch's other work and token commit.
     *
     * <p>What is parked: exceptions thrown while a handler is invoked (an unreadable payload, a
     * handler bug). A failure of the batch's write ({@link ProjectionBatch}, just before commit,
     * usually the database) is not tied to one event: the batch rolls back and the processor
     * retries it with back-off, shown as {@code error}/{@code last_error} in /admin/projections.
     * A reset (rebuild) clears the projection's dead letters, since the replay meets every event
     * again. The sequence-identifier cache spares the per-event look-up in the queue while it
     * holds nothing for an aggregate.
     */
    @Bean
    ConfigurerModule projectionDeadLetterQueues(
            ObjectProvider<ConnectionProvider> connections,
            ObjectProvider<TransactionManager> transactions,
            ObjectProvider<DeadLetterSchema> schema) {
        EnqueuePolicy<EventMessage<?>> park = (letter, cause) -> {
            log.warn(
                    "Parked event {} ({}) of aggregate {} in the dead-letter queue: {}",
                    letter.message().getIdentifier(),
                    letter.message().getPayloadType().getSimpleName(),
                    letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : "-",
                    cause.toString());
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
        return configurer -> configurer.eventProcessing(processing -> Projections.NAMES.forEach(group -> processing
                .registerDeadLetterQueue(
                        group,
                        c -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(connections.getObject())
                                .transactionManager(transactions.getObject())
                                .schema(schema.getObject())
                                .genericSerializer(c.serializer())
                                .eventSerializer(c.eventSerializer())
                                .build())
                .registerDeadLetterPolicy(group, c -> park)
                .registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (c, builder) -> builder.allowReset(true).enableSequenceIdentifierCache())));
    }

    /**
     * Marks each projection batch ({@link Projections#handlingBatch}) and plans every statement of
     * its transaction for its own parameters. A read-model table starts empty (first start, or the
     * TRUNCATE of a rebuild), and the driver turns a statement run five times into a server-side
     * prepared statement, whose generic plan PostgreSQL then keeps: a sequential scan chosen for an
     * empty table stayed the plan of the per-batch row lookup while the table grew, and a
     * 100,000-event rebuild spent most of its time scanning (docs/benchmarks.md, run H).
     * {@code SET LOCAL} ends with the transaction, so pooled connections are untouched; it costs one
     * round trip per batch.
     */
    @Bean
    ConfigurerModule projectionBatches(ObjectProvider<JdbcTemplate> jdbc) {
        MessageHandlerInterceptor<EventMessage<?>> batchStart = (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(Projections.BATCH_RESOURCE, k -> {
                jdbc.getObject().execute(ProjectionBatch.PLAN_EACH_STATEMENT);
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing(processing ->
                Projections.NAMES.forEach(group -> processing.registerHandlerInterceptor(group, c -> batchStart)));
    }

    /**
     * No per-event message monitors on projections: Axon's Micrometer timers and counters took
     * about a seventh of a projection's CPU per event in a rebuild (docs/benchmarks.md, run H).
     * Projections are watched through the {@code aether.event_processor.lag} gauge and
     * {@code GET /projections}; the command bus, event store and process managers keep theirs.
     */
    @Bean
    ConfigurerModule projectionsWithoutMessageMonitors() {
        return configurer -> Projections.NAMES.forEach(name -> configurer.configureMessageMonitor(
                EventProcessor.class, name, (c, type, n) -> NoOpMessageMonitor.INSTANCE));
    }
}
