package io.aether.query.hitl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.hitl.ActionOutcome;
import io.aether.domain.hitl.NotificationDecision;
import io.aether.domain.hitl.NotificationKind;
import io.aether.domain.hitl.query.ListNotificationActions;
import io.aether.domain.hitl.query.ListNotificationsSent;
import io.aether.domain.hitl.query.NotificationActionView;
import io.aether.domain.hitl.query.NotificationActions;
import io.aether.domain.hitl.query.NotificationSentView;
import io.aether.domain.hitl.query.NotificationsSent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the HITL queries from the notification tables, newest first and limited, each on its index. */
@Component
public class HitlNotificationQueries {
    private static final TypeReference<List<String>> ACTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public HitlNotificationQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @QueryHandler
    public NotificationActions handle(ListNotificationActions query) {
        List<NotificationActionView> items = query.targetId() == null
                ? jdbc.sql("SELECT * FROM hitl_notification_action ORDER BY received_at DESC, id LIMIT :limit")
                        .param("limit", query.limit())
                        .query((rs, n) -> action(rs))
                        .list()
                : jdbc.sql("""
                                SELECT * FROM hitl_notification_action WHERE target_id = :targetId
                                ORDER BY received_at DESC LIMIT :limit""")
                        .param("targetId", query.targetId())
                        .param("limit", query.limit())
                        .query((rs, n) -> action(rs))
                        .list();
        return new NotificationActions(items);
    }

    @QueryHandler
    public NotificationsSent handle(ListNotificationsSent query) {
        return new NotificationsSent(jdbc.sql("""
                        SELECT * FROM hitl_notification_sent WHERE target_id = :targetId
                        ORDER BY sent_at DESC LIMIT :limit""")
                .param("targetId", query.targetId())
                .param("limit", query.limit())
                .query((rs, n) -> sent(rs))
                .list());
    }

    private static NotificationActionView action(ResultSet rs) throws SQLException {
        return new NotificationActionView(
                rs.getObject("id", UUID.class),
                NotificationDecision.fromWire(rs.getString("decision")),
                NotificationKind.fromWire(rs.getString("kind")),
                rs.getString("target_id"),
                ActionOutcome.fromWire(rs.getString("outcome")),
                rs.getString("detail"),
                rs.getString("actor"),
                rs.getTimestamp("received_at").toInstant());
    }

    private NotificationSentView sent(ResultSet rs) throws SQLException {
        try {
            return new NotificationSentView(
                    rs.getObject("id", UUID.class),
                    NotificationKind.fromWire(rs.getString("kind")),
                    rs.getString("target_id"),
                    rs.getString("notify_service"),
                    rs.getString("title"),
                    mapper.readValue(rs.getString("actions"), ACTIONS),
                    rs.getTimestamp("sent_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("hitl_notification_sent holds JSON it cannot read", e);
        }
    }
}
