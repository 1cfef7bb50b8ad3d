package io.aether.domain.agent;

import java.util.List;

/** What an agent is for: shown in lists and used by routing ({@code routable}, intents, capabilities). */
public record AgentProfile(
        String description, String domain, boolean routable, List<String> intentPatterns, List<String> capabilities) {
    public AgentProfile {
        intentPatterns = intentPatterns == null ? List.of() : List.copyOf(intentPatterns);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
