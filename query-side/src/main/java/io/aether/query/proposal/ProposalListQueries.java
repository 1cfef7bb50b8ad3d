package io.aether.query.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.proposal.ProposalStatus;
import io.aether.domain.proposal.ProposalType;
import io.aether.domain.proposal.ProposalView;
import io.aether.domain.proposal.query.FindProposals;
import io.aether.domain.proposal.query.ProposalPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers list queries from the {@code proposal_list} read model. */
@Component
public class ProposalListQueries {
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public ProposalListQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @QueryHandler
    public ProposalPage handle(FindProposals query) {
        String where = query.status() == null ? "" : " WHERE status = :status";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM proposal_list" + where);
        JdbcClient.StatementSpec page = jdbc.sql("SELECT * FROM proposal_list" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", query.limit())
                .param("offset", query.offset());
        if (query.status() != null) {
            count = count.param("status", query.status().wire());
            page = page.param("status", query.status().wire());
        }
        long total = count.query(Long.class).single();
        List<ProposalView> items = page.query((rs, row) -> view(rs)).list();
        return new ProposalPage(items, total);
    }

    private ProposalView view(ResultSet rs) throws SQLException {
        return new ProposalView(
                rs.getObject("id", UUID.class),
                ProposalType.fromWire(rs.getString("proposal_type")),
                rs.getString("conversation_id"),
                rs.getString("name"),
                rs.getString("description"),
                json(rs.getString("trigger")),
                json(rs.getString("conditions")),
                json(rs.getString("actions")),
                rs.getString("mode"),
                json(rs.getString("service_call")),
                json(rs.getString("dashboard_config")),
                ProposalStatus.fromWire(rs.getString("status")),
                rs.getString("ha_automation_id"),
                instant(rs, "proposed_at"),
                instant(rs, "approved_at"),
                rs.getString("approved_by"),
                instant(rs, "deployed_at"),
                instant(rs, "rolled_back_at"),
                rs.getString("rejection_reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private JsonNode json(String value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column in proposal_list", e);
        }
    }
}
