package io.aether.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.proposal.ProposalApproved;
import io.aether.domain.proposal.ProposalArchived;
import io.aether.domain.proposal.ProposalContent;
import io.aether.domain.proposal.ProposalCreated;
import io.aether.domain.proposal.ProposalDeleted;
import io.aether.domain.proposal.ProposalDeployed;
import io.aether.domain.proposal.ProposalDeprecated;
import io.aether.domain.proposal.ProposalDisabled;
import io.aether.domain.proposal.ProposalEnabled;
import io.aether.domain.proposal.ProposalEvent;
import io.aether.domain.proposal.ProposalRejected;
import io.aether.domain.proposal.ProposalRevised;
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.query.projection.BulkReplay;
import io.aether.query.projection.ProjectionBatch;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code proposal_list}, the read model behind the proposal list endpoints, and
 * {@code proposal_list_count}, its exact count per status.
 *
 * <p>The handler only records each event in the processing batch ({@link ProjectionBatch}); just
 * before the batch's transaction commits, {@link #write} reads the stored version and status of
 * every row the batch touches (one query), folds each row's events into one insert, update or
 * delete, and writes them as JDBC batches with the count changes. An event whose version the row
 * already has is skipped, and every update is still guarded by {@code version < :version}, so
 * replaying events (rebuilds, redelivery) changes nothing twice.
 */
@Component
@ProcessingGroup(ProposalListProjection.PROCESSING_GROUP)
public class ProposalListProjection implements BulkReplay {
    public static final String PROCESSING_GROUP = "proposal-list";

    private static final String INSERT = """
            INSERT INTO proposal_list (id, proposal_type, conversation_id, name, description, trigger, conditions,
                actions, mode, service_call, dashboard_config, status, ha_automation_id, proposed_at, approved_at,
                approved_by, deployed_at, rolled_back_at, rejection_reason, created_at, updated_at, version,
                source_insight_id)
            VALUES (?, ?, ?, ?, ?, CAST(? AS json), CAST(? AS json), CAST(? AS json), ?, CAST(? AS json),
                CAST(? AS json), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** The content columns of a revised row (its status, version and updated_at go with the batch's update). */
    private static final String REVISE = """
            UPDATE proposal_list SET name = ?, description = ?, trigger = CAST(? AS json),
                conditions = CAST(? AS json), actions = CAST(? AS json), mode = ?, service_call = CAST(? AS json),
                dashboard_config = CAST(? AS json)
            WHERE id = ?""";

    private static final String COUNT = """
            INSERT INTO proposal_list_count (status, n) VALUES (?, ?)
            ON CONFLICT (status) DO UPDATE SET n = proposal_list_count.n + EXCLUDED.n""";

    private static final int ID = Types.OTHER;
    private static final int TEXT = Types.VARCHAR;
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int[] REVISE_TYPES = {TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, Types.OTHER};
    private static final int[] INSERT_TYPES = {
        ID,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TEXT,
        TIME,
        TIME,
        TEXT,
        TIME,
        TIME,
        TEXT,
        TIME,
        TIME,
        Types.INTEGER,
        ID
    };
    /** SQL types of the columns an update sets: typed nulls spare the driver a metadata round trip. */
    private static final Map<String, Integer> COLUMN_TYPES = Map.of(
            "status",
            TEXT,
            "approved_at",
            TIME,
            "approved_by",
            TEXT,
            "rejection_reason",
            TEXT,
            "deployed_at",
            TIME,
            "ha_automation_id",
            TEXT,
            "rolled_back_at",
            TIME,
            "updated_at",
            TIME,
            "version",
            Types.INTEGER);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper mapper;
    private final ProjectionBatch<UUID, Change> batch = new ProjectionBatch<>(PROCESSING_GROUP, this::write);

    public ProposalListProjection(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.mapper = mapper;
    }

    /** One event of a proposal with its version (sequence number + 1) and timestamp. */
    record Change(ProposalEvent event, int version, Instant at) {
        static Change of(ProposalEvent event, long sequenceNumber, Instant at) {
            return new Change(event, Math.toIntExact(sequenceNumber + 1), at);
        }
    }

    @EventHandler
    void on(ProposalEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.add(e.proposalId(), Change.of(e, seq, at));
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return ProposalEvent.class.isAssignableFrom(payloadType);
    }

    /** A rebuild's chunk of events, written as one batch would be (the same fold and version guard). */
    @Override
    public void apply(List<DomainEventMessage<?>> events) {
        Map<UUID, List<Change>> changesByRow = new LinkedHashMap<>();
        for (DomainEventMessage<?> message : events) {
            ProposalEvent event = (ProposalEvent) message.getPayload();
            changesByRow
                    .computeIfAbsent(event.proposalId(), k -> new ArrayList<>())
                    .add(Change.of(event, message.getSequenceNumber(), message.getTimestamp()));
        }
        write(changesByRow);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE proposal_list, proposal_list_count").update();
    }

    /** What is stored for a row before the batch. */
    private record Stored(String status, int version) {}

    /** Applies one batch's changes: one read, then at most one statement per row, sent as JDBC batches. */
    void write(Map<UUID, List<Change>> changesByRow) {
        Map<UUID, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT id, status, version FROM proposal_list WHERE id IN (:ids)")
                .param("ids", List.copyOf(changesByRow.keySet()))
                .query((rs, n) -> stored.put(
                        rs.getObject("id", UUID.class), new Stored(rs.getString("status"), rs.getInt("version"))))
                .list();
        List<Object[]> inserts = new ArrayList<>();
        Map<String, List<Object[]>> updates = new LinkedHashMap<>();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> revisions = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>(); // sorted: concurrent segments lock count rows in one order
        changesByRow.forEach((id, changes) -> {
            Stored before = stored.get(id);
            Row row = Row.fold(id, before, changes);
            if (row == null) {
                return;
            }
            String after = row.deleted ? null : row.status;
            String old = before == null ? null : before.status();
            if (before != null && row.deleted) {
                deletes.add(new Object[] {id});
            } else if (before == null && !row.deleted) {
                inserts.add(insertArgs(row));
            } else if (before != null && !row.set.isEmpty()) {
                if (row.revised) {
                    revisions.add(revisionArgs(row));
                }
                List<Object> args = new ArrayList<>(row.set.values());
                args.add(id);
                args.add(row.version);
                updates.computeIfAbsent(updateSql(row.set.keySet()), k -> new ArrayList<>())
                        .add(args.toArray());
            }
            if (old != null && !old.equals(after)) {
                counts.merge(old, -1L, Long::sum);
            }
            if (after != null && !after.equals(old)) {
                counts.merge(after, 1L, Long::sum);
            }
        });
        if (!deletes.isEmpty()) {
            batches.batchUpdate("DELETE FROM proposal_list WHERE id = ?", deletes, new int[] {ID});
        }
        if (!inserts.isEmpty()) {
            // Sent as multi-row INSERTs (reWriteBatchedInserts), which report no count per row; a row
            // that appeared since the read fails the batch as a duplicate key, which is retried.
            batches.batchUpdate(INSERT, inserts, INSERT_TYPES);
        }
        if (!revisions.isEmpty()) {
            batches.batchUpdate(REVISE, revisions, REVISE_TYPES);
        }
        updates.forEach((sql, rows) -> requireAll(batches.batchUpdate(sql, rows, updateTypes(sql))));
        List<Object[]> countArgs = counts.entrySet().stream()
                .filter(c -> c.getValue() != 0)
                .map(c -> new Object[] {c.getKey(), c.getValue()})
                .toList();
        if (!countArgs.isEmpty()) {
            batches.batchUpdate(COUNT, countArgs, new int[] {TEXT, Types.BIGINT});
        }
    }

    /**
     * The rows were read at the start of this batch and a segment owns all events of its proposals,
     * so every update must hit its row; if not, fail the batch (it is retried and re-reads the rows)
     * rather than let the counts drift.
     */
    private static void requireAll(int[] results) {
        for (int r : results) {
            if (r == 0) {
                throw new IllegalStateException("proposal_list changed under the projection: an update"
                        + " of this batch found its row in another state; the batch is retried");
            }
        }
    }

    private static String updateSql(Iterable<String> columns) {
        StringBuilder sql = new StringBuilder("UPDATE proposal_list SET ");
        for (String column : columns) {
            sql.append(column).append(" = ?, ");
        }
        sql.setLength(sql.length() - 2);
        return sql.append(" WHERE id = ? AND version < ?").toString();
    }

    /** The parameter types of an {@link #updateSql} statement, read back from its column list. */
    private static int[] updateTypes(String sql) {
        String[] assignments = sql.substring("UPDATE proposal_list SET ".length(), sql.indexOf(" WHERE "))
                .split(", ");
        int[] types = new int[assignments.length + 2];
        for (int i = 0; i < assignments.length; i++) {
            types[i] = COLUMN_TYPES.get(assignments[i].substring(0, assignments[i].indexOf(' ')));
        }
        types[assignments.length] = ID;
        types[assignments.length + 1] = Types.INTEGER;
        return types;
    }

    private Object[] revisionArgs(Row row) {
        ProposalContent c = row.content;
        return new Object[] {
            c.name(),
            c.description(),
            json(c.trigger()),
            json(c.conditions()),
            json(c.actions()),
            c.mode(),
            json(c.serviceCall()),
            json(c.dashboardConfig()),
            row.id
        };
    }

    private Object[] insertArgs(Row row) {
        ProposalContent c = row.content;
        Map<String, Object> s = row.set;
        return new Object[] {
            row.id,
            c.proposalType().wire(),
            c.conversationId(),
            c.name(),
            c.description(),
            json(c.trigger()),
            json(c.conditions()),
            json(c.actions()),
            c.mode(),
            json(c.serviceCall()),
            json(c.dashboardConfig()),
            row.status,
            s.get("ha_automation_id"),
            row.createdAt,
            s.get("approved_at"),
            s.get("approved_by"),
            s.get("deployed_at"),
            s.get("rolled_back_at"),
            s.get("rejection_reason"),
            row.createdAt,
            s.get("updated_at"),
            row.version,
            c.sourceInsightId()
        };
    }

    /**
     * A row's events of one batch folded into its final state: the columns they set (later events
     * win, as if each were applied in turn) and its final version. Events the stored row already
     * has (version not above the stored one) are skipped.
     */
    private static final class Row {
        private final UUID id;
        private final Map<String, Object> set = new LinkedHashMap<>();
        private ProposalContent content;
        private OffsetDateTime createdAt;
        private String status;
        private int version;
        private boolean deleted;
        /** The content changed in this batch: a stored row gets its content columns rewritten. */
        private boolean revised;

        private Row(UUID id) {
            this.id = id;
        }

        /** Null when there is nothing to write (no row and no creation in this batch). */
        static Row fold(UUID id, Stored before, List<Change> changes) {
            Row row = new Row(id);
            boolean exists = before != null;
            row.version = exists ? before.version() : 0;
            row.status = exists ? before.status() : null;
            for (Change change : changes) {
                ProposalEvent event = change.event();
                if (event instanceof ProposalDeleted) {
                    row.deleted = true;
                    continue;
                }
                if (change.version() <= row.version
                        || (!exists && row.content == null && !(event instanceof ProposalCreated))) {
                    continue; // applied before, or no row to change (as an UPDATE of no row)
                }
                row.apply(event, utc(change.at()));
                row.version = change.version();
                row.set.put("updated_at", utc(change.at()));
                row.set.put("version", change.version());
            }
            return exists || row.content != null ? row : null;
        }

        private void apply(ProposalEvent event, OffsetDateTime at) {
            if (event instanceof ProposalCreated e) {
                content = e.content();
                createdAt = at;
                status(ProposalStatus.PROPOSED);
            } else if (event instanceof ProposalRevised e) {
                content = e.content();
                revised = true;
            } else if (event instanceof ProposalApproved e) {
                status(ProposalStatus.APPROVED);
                set.put("approved_at", at);
                set.put("approved_by", e.actorLabel());
            } else if (event instanceof ProposalRejected e) {
                status(ProposalStatus.REJECTED);
                set.put("rejection_reason", e.reason());
            } else if (event instanceof ProposalDeployed e) {
                status(ProposalStatus.DEPLOYED);
                set.put("deployed_at", at);
                set.put("ha_automation_id", e.haAutomationId());
            } else if (event instanceof ProposalRolledBack) {
                status(ProposalStatus.ROLLED_BACK);
                set.put("rolled_back_at", at);
            } else if (event instanceof ProposalDisabled) {
                status(ProposalStatus.DISABLED);
            } else if (event instanceof ProposalEnabled) {
                status(ProposalStatus.DEPLOYED);
            } else if (event instanceof ProposalDeprecated) {
                status(ProposalStatus.DEPRECATED);
            } else if (event instanceof ProposalArchived) {
                status(ProposalStatus.ARCHIVED);
            }
            // Other events (deployment/rollback intents and failures) change no listed field but
            // still move updated_at and the version.
        }

        private void status(ProposalStatus value) {
            status = value.wire();
            set.put("status", status);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private String json(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }
}
