package io.aether.query.hitl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.domain.hitl.NotificationActionReceived;
import io.aether.domain.hitl.NotificationSent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code hitl_notification_sent} and {@code hitl_notification_action}, the read model behind
 * {@code /hitl/action-status} and {@code /hitl/recent-actions}. Every event is one row that never
 * changes, inserted with {@code ON CONFLICT DO NOTHING}, so replays and redeliveries are harmless.
 */
@Component
@ProcessingGroup(HitlNotificationProjection.PROCESSING_GROUP)
public class HitlNotificationProjection {
    public static final String PROCESSING_GROUP = "hitl-notifications";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public HitlNotificationProjection(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(NotificationSent event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO hitl_notification_sent (id, kind, target_id, notify_service, title, actions, sent_at)
                        VALUES (:id, :kind, :targetId, :service, :title, CAST(:actions AS jsonb), :at)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", event.id())
                .param("kind", event.kind().wire())
                .param("targetId", event.targetId())
                .param("service", event.notifyService())
                .param("title", event.title())
                .param("actions", json(event))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(NotificationActionReceived event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO hitl_notification_action (id, decision, kind, target_id, outcome, detail, actor,
                            received_at)
                        VALUES (:id, :decision, :kind, :targetId, :outcome, :detail, :actor, :at)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", event.id())
                .param("decision", event.decision().wire())
                .param("kind", event.kind().wire())
                .param("targetId", event.targetId())
                .param("outcome", event.outcome().wire())
                .param("detail", event.detail())
                .param("actor", event.actor() == null ? null : event.actor().name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE hitl_notification_sent, hitl_notification_action").update();
    }

    private String json(NotificationSent event) {
        try {
            return mapper.writeValueAsString(event.actions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write notification actions as JSON", e);
        }
    }
}
