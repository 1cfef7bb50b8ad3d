package io.aether.command.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.proposal.ProposalType;
import java.util.Optional;

/**
 * How one proposal type is put into Home Assistant and taken out again, for
 * {@link ProposalDeploymentProcess}. {@code config} is always what {@code DeploymentConfig.build}
 * made for the proposal (or, on a rollback, a snapshot {@link #current} returned earlier), and
 * {@code haId} the proposal's deterministic id. Every call is idempotent and throws
 * {@link AutomationGatewayException} with HA's message when HA is unreachable or refuses.
 */
public interface DeploymentTarget {

    ProposalType type();

    /** The {@code method} recorded on a deployment (rest_api, ws_lovelace_save, ha_helper_create). */
    String method();

    /** What HA holds now where {@code config} goes (the snapshot a deployment records); empty when nothing. */
    Optional<JsonNode> current(String haId, JsonNode config);

    /** Makes HA hold {@code config}: a deployed config, or a snapshot {@link #current} took. */
    void save(String haId, JsonNode config);

    /** Takes out what {@code deployed} put in HA (nothing was there before it). */
    void remove(String haId, JsonNode deployed);

    /**
     * A rollback: {@code live} is what our history says HA holds now (null when unknown),
     * {@code restore} what was live at the target version (null: nothing, so remove).
     */
    default void rollBack(String haId, JsonNode live, JsonNode restore) {
        if (restore == null) {
            remove(haId, live);
        } else {
            save(haId, restore);
        }
    }
}
