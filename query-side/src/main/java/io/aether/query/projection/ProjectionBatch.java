package io.aether.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a projection's changes for the events of one processing batch and hands them to the
 * projection's {@link Writer} once, just before the batch's transaction commits.
 *
 * <p>A pooled streaming processor with {@code batch-size} N handles up to N events in one unit of
 * work and one transaction. Event handlers call {@link #add} instead of writing a row each; the
 * batch groups the changes by row key (first touch first, each row's changes in event order) and
 * the writer applies them with a few JDBC batch statements in the same transaction, together with
 * the processor's token. If the transaction rolls back, the buffer goes with its unit of work and
 * the retried batch starts afresh. Outside a unit of work (a direct call) the change is written at
 * once.
 *
 * <p>Replay safety stays the writer's job: it must skip changes a row already has (the proposal
 * list compares each change's aggregate version with the row's stored version).
 *
 * @param <K> the row key (one aggregate id per row: a segment owns all of an aggregate's events)
 * @param <C> one change, usually the event with its version and timestamp
 */
public final class ProjectionBatch<K, C> {
    /**
     * The first statement of every projection transaction: plan each statement for its own
     * parameters (why: QuerySideConfiguration#projectionBatches).
     */
    public static final String PLAN_EACH_STATEMENT = "SET LOCAL plan_cache_mode = force_custom_plan";

    private final String resourceKey;
    private final Writer<K, C> writer;

    /** Writes one batch's changes; called inside the batch's transaction. */
    @FunctionalInterface
    public interface Writer<K, C> {
        void write(Map<K, List<C>> changesByRow);
    }

    /** {@code name} tells apart the buffers of several projections in one unit of work. */
    public ProjectionBatch(String name, Writer<K, C> writer) {
        this.resourceKey = ProjectionBatch.class.getName() + ":" + name;
        this.writer = writer;
    }

    /** Records a change of the row {@code key}; changes of one row must be added in event order. */
    public void add(K key, C change) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.write(Map.of(key, List.of(change)));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<K, List<C>> pending = unitOfWork.getOrComputeResource(resourceKey, k -> {
            Map<K, List<C>> fresh = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> writer.write(fresh));
            return fresh;
        });
        pending.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
    }
}
