package io.aether.query.analytics;

import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeploymentFailed;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalRejected;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.query.projection.ProjectionBatch;
import java.sql.Date;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the read models behind {@code GET /analytics/proposals}: {@code proposal_analytics}, one
 * row per proposal with the time it reached each milestone (created, first approval, rejection,
 * first successful deployment, first rollback) and its deployment outcome counts, and
 * {@code proposal_analytics_daily}, the number of events of each lifecycle step per UTC day.
 *
 * <p>Every time is the event's own timestamp, never the clock, so a replay writes the same values.
 * The handler records each event in the processing batch ({@link ProjectionBatch}); before the
 * batch commits, {@link #write} reads the stored version of every proposal it touches (one query),
 * skips the events a row has already seen (version not above the stored one), and writes the rest
 * as one guarded upsert per proposal and one increment per (day, step), in the same transaction:
 * replayed or redelivered events change and count nothing twice. One segment, so the day counters
 * have one writer.
 */
@Component
@ProcessingGroup(ProposalAnalyticsProjection.PROCESSING_GROUP)
public class ProposalAnalyticsProjection {
    public static final String PROCESSING_GROUP = "proposal-analytics";

    /**
     * A milestone keeps its first time ({@code COALESCE}); counts add up; the whole statement is
     * skipped for a row that has the batch's version already.
     */
    private static final String UPSERT = """
            INSERT INTO proposal_analytics (proposal_id, created_at, approved_at, rejected_at, deployed_at,
                rolled_back_at, deployments, deployment_failures, rollbacks, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (proposal_id) DO UPDATE SET
                approved_at = COALESCE(proposal_analytics.approved_at, EXCLUDED.approved_at),
                rejected_at = COALESCE(proposal_analytics.rejected_at, EXCLUDED.rejected_at),
                deployed_at = COALESCE(proposal_analytics.deployed_at, EXCLUDED.deployed_at),
                rolled_back_at = COALESCE(proposal_analytics.rolled_back_at, EXCLUDED.rolled_back_at),
                deployments = proposal_analytics.deployments + EXCLUDED.deployments,
                deployment_failures = proposal_analytics.deployment_failures + EXCLUDED.deployment_failures,
                rollbacks = proposal_analytics.rollbacks + EXCLUDED.rollbacks,
                version = EXCLUDED.version
            WHERE proposal_analytics.version < EXCLUDED.version""";

    private static final String COUNT = """
            INSERT INTO proposal_analytics_daily (day, step, n) VALUES (?, ?, ?)
            ON CONFLICT (day, step) DO UPDATE SET n = proposal_analytics_daily.n + EXCLUDED.n""";
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int[] UPSERT_TYPES = {
        Types.OTHER, TIME, TIME, TIME, TIME, TIME, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ProjectionBatch<UUID, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public ProposalAnalyticsProjection(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** One event of a proposal with its version (sequence number + 1) and its own timestamp. */
    record Change(ProposalEvent event, int version, Instant at) {}

    @EventHandler
    void on(ProposalEvent event, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(event.proposalId(), new Change(event, Math.toIntExact(seq + 1), at));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE proposal_analytics, proposal_analytics_daily").update();
    }

    /** What is stored for a proposal before the batch. */
    private record Stored(Instant createdAt, int version) {}

    /** Applies one batch: one read, one upsert per proposal and one increment per (day, step), as JDBC batches. */
    void write(Map<UUID, List<Change>> changesByProposal) {
        Map<UUID, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT proposal_id, created_at, version FROM proposal_analytics WHERE proposal_id IN (:ids)")
                .param("ids", List.copyOf(changesByProposal.keySet()))
                .query((rs, n) -> stored.put(
                        rs.getObject("proposal_id", UUID.class),
                        new Stored(rs.getTimestamp("created_at").toInstant(), rs.getInt("version"))))
                .list();
        List<Object[]> upserts = new ArrayList<>();
        // Sorted, so that the counter rows are always locked in one order.
        Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
        changesByProposal.forEach((id, changes) -> {
            Row row = Row.fold(stored.get(id), changes, counts);
            if (row != null) {
                upserts.add(new Object[] {
                    id,
                    utc(row.createdAt),
                    utc(row.approvedAt),
                    utc(row.rejectedAt),
                    utc(row.deployedAt),
                    utc(row.rolledBackAt),
                    row.deployments,
                    row.deploymentFailures,
                    row.rollbacks,
                    row.version
                });
            }
        });
        if (!upserts.isEmpty()) {
            batches.batchUpdate(UPSERT, upserts, UPSERT_TYPES);
        }
        List<Object[]> countArgs = new ArrayList<>();
        counts.forEach((day, steps) ->
                new TreeMap<>(steps).forEach((step, n) -> countArgs.add(new Object[] {Date.valueOf(day), step, n})));
        if (!countArgs.isEmpty()) {
            batches.batchUpdate(COUNT, countArgs, new int[] {Types.DATE, Types.VARCHAR, Types.BIGINT});
        }
    }

    /**
     * A proposal's unseen events of one batch: the milestones they reach first, the counts they
     * add, the final version. The day counters are added to as each event is taken.
     */
    private static final class Row {
        private Instant createdAt;
        private Instant approvedAt;
        private Instant rejectedAt;
        private Instant deployedAt;
        private Instant rolledBackAt;
        private int deployments;
        private int deploymentFailures;
        private int rollbacks;
        private int version;

        /** Null when there is nothing to write: no unseen event, or no row and no creation to start one. */
        static Row fold(Stored before, List<Change> changes, Map<LocalDate, Map<String, Long>> counts) {
            Row row = new Row();
            row.version = before == null ? 0 : before.version();
            row.createdAt = before == null ? null : before.createdAt();
            boolean changed = false;
            for (Change change : changes) {
                ProposalEvent event = change.event();
                if (change.version() <= row.version) {
                    continue; // seen before (replay or redelivery)
                }
                if (row.createdAt == null && !(event instanceof ProposalCreated)) {
                    continue; // no creation seen: nothing to attach the event to
                }
                row.apply(event, change.at());
                row.version = change.version();
                changed = true;
                String step = ProposalSteps.of(event);
                if (step != null) {
                    LocalDate day = change.at().atOffset(ZoneOffset.UTC).toLocalDate();
                    counts.computeIfAbsent(day, d -> new TreeMap<>()).merge(step, 1L, Long::sum);
                }
            }
            return changed ? row : null;
        }

        private void apply(ProposalEvent event, Instant at) {
            if (event instanceof ProposalCreated) {
                createdAt = at;
            } else if (event instanceof ProposalApproved) {
                approvedAt = first(approvedAt, at);
            } else if (event instanceof ProposalRejected) {
                rejectedAt = first(rejectedAt, at);
            } else if (event instanceof ProposalDeployed) {
                deployedAt = first(deployedAt, at);
                deployments++;
            } else if (event instanceof ProposalDeploymentFailed) {
                deploymentFailures++;
            } else if (event instanceof ProposalRolledBack) {
                rolledBackAt = first(rolledBackAt, at);
                rollbacks++;
            }
        }

        private static Instant first(Instant kept, Instant at) {
            return kept != null ? kept : at;
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
