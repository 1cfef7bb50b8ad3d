package io.aether.api.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.command.proposal.DeploymentTarget;
import io.aether.domain.proposal.ProposalType;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scripts and scenes: HA's config editor REST API ({@code /api/config/<script|scene>/config/<id>}),
 * under the proposal's deterministic id. Deploy saves (HA reloads), rollback re-saves what was
 * there before or deletes what the first deployment created.
 */
@Configuration
public class EditorDeploymentTargets {

    @Bean
    DeploymentTarget scriptDeploymentTarget(HomeAssistantConnection connection) {
        return new EditorTarget(connection, ProposalType.SCRIPT, "script");
    }

    @Bean
    DeploymentTarget sceneDeploymentTarget(HomeAssistantConnection connection) {
        return new EditorTarget(connection, ProposalType.SCENE, "scene");
    }

    private record EditorTarget(HomeAssistantConnection connection, ProposalType type, String editor)
            implements DeploymentTarget {
        @Override
        public String method() {
            return "rest_api";
        }

        @Override
        public Optional<JsonNode> current(String haId, JsonNode config) {
            return HomeAssistantCalls.call(
                    () -> connection.client().getEditorConfig(editor, haId).map(JsonNode.class::cast));
        }

        @Override
        public void save(String haId, JsonNode config) {
            HomeAssistantCalls.run(() -> connection.client().saveEditorConfig(editor, haId, config));
        }

        @Override
        public void remove(String haId, JsonNode deployed) {
            HomeAssistantCalls.run(() -> connection.client().deleteEditorConfig(editor, haId));
        }
    }
}
