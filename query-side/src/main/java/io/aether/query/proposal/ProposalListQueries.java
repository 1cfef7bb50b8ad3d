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
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    /**
     * The page by the list index ({@code created_at desc, id desc}, with or without status), from
     * a keyset cursor when given; the total from {@code proposal_list_count}, which the projection
     * keeps exact, so neither grows with the number of proposals (deep {@code offset}s still do).
     */
    @QueryHandler
    public ProposalPage handle(FindProposals query) {
        List<String> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add("status = :status");
        }
        if (query.after() != null) {
            conditions.add("(created_at, id) < (:afterCreatedAt, :afterId)");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        JdbcClient.StatementSpec page = jdbc.sql("SELECT * FROM proposal_list" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", query.limit())
                .param("offset", query.offset());
        JdbcClient.StatementSpec count;
        if (query.status() != null) {
            page = page.param("status", query.status().wire());
            count = jdbc.sql("SELECT coalesce(sum(n), 0) FROM proposal_list_count WHERE status = :status")
                    .param("status", query.status().wire());
        } else {
            count = jdbc.sql("SELECT coalesce(sum(n), 0) FROM proposal_list_count");
        }
        if (query.after() != null) {
            page = page.param("afterCreatedAt", query.after().createdAt().atOffset(ZoneOffset.UTC))
                    .param("afterId", query.after().id());
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
                rs.getObject("source_insight_id", UUID.class),
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
