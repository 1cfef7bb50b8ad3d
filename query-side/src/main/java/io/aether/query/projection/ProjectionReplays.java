package io.aether.query.projection;

import io.aether.domain.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections from the start of the event store.
 *
 * <p>Every rebuild begins as Axon's: the processor stops, {@link StreamingEventProcessor#resetTokens()}
 * runs the projection's reset handler (its tables are cleared) and stores replay tokens, claimed by
 * this node, in the same transaction. A projection without a {@link BulkReplay} then simply starts
 * again and replays through its handlers. One with a {@link BulkReplay} is fed by a single scan of
 * the store on a background thread instead ({@link EventStorageEngine#readEvents}: the same upcasting
 * and deserialisation as the processor's), {@value #CHUNK} events per transaction; the node keeps its
 * claims on the segments meanwhile, so no other node starts the replay too. When the scan has read
 * the last event, every segment's token is set to the scan's position (with the gaps it saw, so
 * events committed meanwhile below it still arrive) and the processor starts from there. If the scan
 * fails, the replay tokens are still in place: the processor starts and Axon's replay rebuilds the
 * projection over what the scan wrote (projections are replay-safe).
 */
@Component
public class ProjectionReplays implements DisposableBean {
    /** Events per transaction of a scan: large enough to fold a proposal's events into one write. */
    static final int CHUNK = 2_000;
    /** Claims are renewed at least this often during a scan (Axon's claim timeout is 10 s). */
    private static final Duration CLAIM_RENEWAL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    private final EventStorageEngine storage;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Map<String, BulkReplay> bulk;
    /** Scans under way: processing group -> position reached. */
    private final Map<String, AtomicLong> scans = new ConcurrentHashMap<>();

    private final ExecutorService scanner = Executors.newSingleThreadExecutor(daemon("projection-replay"));
    /** Writes a scan's chunks while the scan reads the next one (PostgreSQL and the scan overlap). */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("projection-replay-writer"));

    private volatile boolean closing;

    public ProjectionReplays(
            EventStorageEngine storage,
            TokenStore tokens,
            TransactionManager transactions,
            JdbcTemplate jdbc,
            List<BulkReplay> projections) {
        this.storage = storage;
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.bulk = projections.stream()
                .collect(Collectors.toUnmodifiableMap(BulkReplay::processingGroup, Function.identity()));
    }

    /** Thrown when a rebuild is asked for while the previous one is still scanning. */
    public static class ReplayInProgressException extends RuntimeException implements ErrorKind.Carrier {
        ReplayInProgressException(String name) {
            super("Projection '" + name + "' is being rebuilt; try again when GET /projections shows it caught up");
        }

        @Override
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }
    }

    /**
     * Clears the processor's projection and starts its rebuild; returns once the tables are cleared.
     * The processor must be running on this node with its segments claimed.
     */
    public void replay(StreamingEventProcessor processor) {
        String name = processor.getName();
        BulkReplay projection = bulk.get(name);
        AtomicLong position = new AtomicLong();
        if (scans.putIfAbsent(name, position) != null) {
            throw new ReplayInProgressException(name);
        }
        boolean scanning = false;
        try {
            processor.shutDown();
            processor.resetTokens();
            if (projection != null) {
                scanner.execute(() -> scan(processor, projection, position));
                scanning = true;
            }
        } finally {
            if (!scanning) {
                scans.remove(name);
                processor.start();
            }
        }
    }

    /** The position a running scan has reached, or empty when no scan of this group runs. */
    public OptionalLong scanPosition(String processingGroup) {
        AtomicLong position = scans.get(processingGroup);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position.get());
    }

    private void scan(StreamingEventProcessor processor, BulkReplay projection, AtomicLong position) {
        String name = processor.getName();
        int[] segments = tokens.fetchSegments(name);
        long started = System.nanoTime();
        long events = 0;
        Future<?> writing = CompletableFuture.completedFuture(null);
        try {
            TrackingToken last = null;
            List<DomainEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            long renewAt = System.nanoTime() + CLAIM_RENEWAL.toNanos();
            try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
                while (it.hasNext()) {
                    if (closing) {
                        throw new IllegalStateException("the application is shutting down");
                    }
                    TrackedEventMessage<?> event = it.next();
                    events++;
                    if (event instanceof DomainEventMessage<?> domainEvent
                            && projection.handles(event.getPayloadType())) {
                        chunk.add(domainEvent);
                    }
                    last = event.trackingToken();
                    if (chunk.size() == CHUNK) {
                        writing = writeAfter(
                                writing, projection, chunk, last.position().orElse(0), position);
                        chunk = new ArrayList<>(CHUNK);
                    }
                    if (System.nanoTime() - renewAt > 0) {
                        transactions.executeInTransaction(() -> {
                            for (int segment : segments) {
                                tokens.extendClaim(name, segment);
                            }
                        });
                        renewAt = System.nanoTime() + CLAIM_RENEWAL.toNanos();
                    }
                }
            }
            finish(writing);
            write(projection, chunk);
            if (last != null) {
                TrackingToken end = last;
                transactions.executeInTransaction(() -> {
                    for (int segment : segments) {
                        tokens.storeToken(end, name, segment);
                    }
                });
            }
            log.info(
                    "Rebuilt {} from {} events in {} ms by one scan of the event store",
                    name,
                    events,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException | InterruptedException e) {
            log.warn(
                    "The scan rebuilding {} failed after {} events ({}); Axon's replay takes over",
                    name,
                    events,
                    e.getClass().getSimpleName());
            // The processor must not start while a chunk is still being written.
            try {
                writing.get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // its failure is the one just logged, or a later chunk's that the replay redoes
            }
        } finally {
            scans.remove(name);
            if (!closing) {
                processor.start();
            }
        }
    }

    /** Waits for the previous chunk's write, then starts this one's on the writer thread. */
    private Future<?> writeAfter(
            Future<?> previous,
            BulkReplay projection,
            List<DomainEventMessage<?>> chunk,
            long reached,
            AtomicLong position)
            throws InterruptedException {
        finish(previous);
        return writer.submit(() -> {
            write(projection, chunk);
            position.set(reached);
        });
    }

    private static void finish(Future<?> write) throws InterruptedException {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private void write(BulkReplay projection, List<DomainEventMessage<?>> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            // As in every projection batch (QuerySideConfiguration): the tables start empty.
            jdbc.execute(ProjectionBatch.PLAN_EACH_STATEMENT);
            projection.apply(chunk);
        });
    }

    /** Published before Axon stops its processors: a scan stops and starts no processor again. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        scanner.shutdown();
        scanner.awaitTermination(10, TimeUnit.SECONDS);
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
