package io.aether.command.agent;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link PrimaryAgentSlot} as the one row of {@code agent_primary_slot} (command-side migration
 * V45): {@code SELECT ... FOR UPDATE} inside the command's transaction, which is the transaction
 * the agents' events are appended in, so the lock, the demotion, the promotion and the slot commit
 * or roll back together, on any node.
 */
@Component
class JdbcPrimaryAgentSlot implements PrimaryAgentSlot {
    private final JdbcClient jdbc;

    JdbcPrimaryAgentSlot(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> lock() {
        return jdbc.sql("SELECT agent_name FROM agent_primary_slot WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .single();
    }

    @Override
    public void hold(String agentName) {
        jdbc.sql("UPDATE agent_primary_slot SET agent_name = :name WHERE id = 1")
                .param("name", agentName)
                .update();
    }
}
