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
import io.aether.domain.proposal.ProposalRolledBack;
import io.aether.domain.proposal.ProposalStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code proposal_list}, the read model behind the proposal list endpoints. Every write is
 * guarded by the row's version, so replaying events (rebuilds, redelivery) changes nothing twice.
 */
@Component
@ProcessingGroup(ProposalListProjection.PROCESSING_GROUP)
public class ProposalListProjection {
    public static final String PROCESSING_GROUP = "proposal-list";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public ProposalListProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(ProposalCreated e, @Timestamp Instant at) {
        ProposalContent c = e.content();
        jdbc.sql("""
                INSERT INTO proposal_list (id, proposal_type, conversation_id, name, description, trigger, conditions,
                    actions, mode, service_call, dashboard_config, status, proposed_at, created_at, updated_at, version)
                VALUES (:id, :type, :conversation, :name, :description, CAST(:trigger AS json),
                    CAST(:conditions AS json), CAST(:actions AS json), :mode, CAST(:serviceCall AS json),
                    CAST(:dashboard AS json), :status, :at, :at, :at, 1)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", e.proposalId())
                .param("type", c.proposalType().wire())
                .param("conversation", c.conversationId())
                .param("name", c.name())
                .param("description", c.description())
                .param("trigger", json(c.trigger()))
                .param("conditions", json(c.conditions()))
                .param("actions", json(c.actions()))
                .param("mode", c.mode())
                .param("serviceCall", json(c.serviceCall()))
                .param("dashboard", json(c.dashboardConfig()))
                .param("status", ProposalStatus.PROPOSED.wire())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ProposalApproved e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "status = :status, approved_at = :at, approved_by = :actor, ",
                ProposalStatus.APPROVED);
    }

    @EventHandler
    void on(ProposalRejected e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "status = :status, rejection_reason = :reason, ", ProposalStatus.REJECTED);
    }

    @EventHandler
    void on(ProposalDeployed e, @Timestamp Instant at, @SequenceNumber long seq) {
        jdbc.sql("""
                UPDATE proposal_list SET status = :status, deployed_at = :at, ha_automation_id = :haId,
                    updated_at = :at, version = :version
                WHERE id = :id AND version < :version""")
                .param("status", ProposalStatus.DEPLOYED.wire())
                .param("haId", e.haAutomationId())
                .param("at", utc(at))
                .param("version", seq + 1)
                .param("id", e.proposalId())
                .update();
    }

    @EventHandler
    void on(ProposalRolledBack e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "status = :status, rolled_back_at = :at, ", ProposalStatus.ROLLED_BACK);
    }

    @EventHandler
    void on(ProposalDisabled e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "status = :status, ", ProposalStatus.DISABLED);
    }

    @EventHandler
    void on(ProposalEnabled e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "status = :status, ", ProposalStatus.DEPLOYED);
    }

    @EventHandler
    void on(ProposalDeprecated e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "status = :status, ", ProposalStatus.DEPRECATED);
    }

    @EventHandler
    void on(ProposalArchived e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "status = :status, ", ProposalStatus.ARCHIVED);
    }

    @EventHandler
    void on(ProposalDeleted e) {
        jdbc.sql("DELETE FROM proposal_list WHERE id = :id").param("id", e.proposalId()).update();
    }

    /** Events that change no listed field (deployment/rollback intents and failures) still move the version. */
    @EventHandler
    void on(ProposalEvent e, @Timestamp Instant at, @SequenceNumber long seq) {
        update(e, at, seq, "", null);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE proposal_list").update();
    }

    private void update(ProposalEvent e, Instant at, long seq, String assignments, ProposalStatus status) {
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE proposal_list SET " + assignments
                        + "updated_at = :at, version = :version WHERE id = :id AND version < :version")
                .param("at", utc(at))
                .param("version", seq + 1)
                .param("id", e.proposalId());
        if (status != null) {
            statement = statement.param("status", status.wire());
        }
        if (assignments.contains(":actor")) {
            statement = statement.param("actor", e.actorLabel());
        }
        if (assignments.contains(":reason")) {
            statement = statement.param("reason", e.reason());
        }
        statement.update();
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
