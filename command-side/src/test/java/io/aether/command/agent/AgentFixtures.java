package io.aether.command.agent;

import io.aether.domain.actor.Actor;
import io.aether.domain.agent.AgentConfigDraftCreated;
import io.aether.domain.agent.AgentConfigPromoted;
import io.aether.domain.agent.AgentEvent;
import io.aether.domain.agent.AgentProfile;
import io.aether.domain.agent.AgentPromptDraftCreated;
import io.aether.domain.agent.AgentPromptPromoted;
import io.aether.domain.agent.AgentRegistered;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.BumpType;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.RegisterAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Agent histories shared by the command-side agent tests. */
final class AgentFixtures {
    static final String NAME = "architect";
    static final UUID AGENT_ID = UUID.fromString("00000000-0000-0000-0000-00000000a9e1");
    static final Actor ALICE = Actor.user("alice");
    static final Actor BOB = Actor.user("bob");
    static final AgentProfile PROFILE =
            new AgentProfile("Designs automations", "automation", true, List.of("automation"), List.of("design"));
    static final ConfigContent CONFIG =
            new ConfigContent("gpt-4o", 0.7, "gpt-4o-mini", List.of("get_entity_state"), List.of("ha_entity_query"));
    static final PromptContent PROMPT = new PromptContent("You are the architect.");
    static final String INITIAL = "Initial version";

    private AgentFixtures() {}

    /** The id of config version n (stable across tests). */
    static UUID config(int n) {
        return new UUID(0xC0, n);
    }

    /** The id of prompt version n. */
    static UUID prompt(int n) {
        return new UUID(0xB0, n);
    }

    /** Config content of version n: the model is "model-n". */
    static ConfigContent configContent(int n) {
        return n == 1 ? CONFIG : CONFIG.withModel("model-" + n);
    }

    static PromptContent promptContent(int n) {
        return n == 1 ? PROMPT : new PromptContent("Prompt " + n);
    }

    static RegisterAgent register() {
        return new RegisterAgent(NAME, AGENT_ID, PROFILE, config(1), CONFIG, prompt(1), PROMPT, ALICE);
    }

    /** What {@link #register()} records. */
    static List<AgentEvent> registered() {
        return List.of(
                new AgentRegistered(NAME, AGENT_ID, PROFILE, AgentStatus.ENABLED, ALICE),
                new AgentConfigDraftCreated(NAME, config(1), 1, CONFIG, INITIAL, BumpType.PATCH, ALICE),
                new AgentConfigPromoted(NAME, config(1), 1, "0.1.0", BumpType.PATCH, CONFIG, INITIAL, null, ALICE),
                new AgentPromptDraftCreated(NAME, prompt(1), 1, PROMPT, INITIAL, BumpType.PATCH, ALICE),
                new AgentPromptPromoted(NAME, prompt(1), 1, "0.1.0", BumpType.PATCH, PROMPT, INITIAL, null, ALICE));
    }

    static AgentConfigDraftCreated configDraft(int n) {
        return new AgentConfigDraftCreated(NAME, config(n), n, configContent(n), "v" + n, BumpType.PATCH, ALICE);
    }

    static AgentConfigPromoted configPromoted(int n, String semver) {
        return new AgentConfigPromoted(
                NAME, config(n), n, semver, BumpType.PATCH, configContent(n), "v" + n, config(n - 1), ALICE);
    }

    static AgentPromptDraftCreated promptDraft(int n) {
        return new AgentPromptDraftCreated(NAME, prompt(n), n, promptContent(n), "v" + n, BumpType.PATCH, ALICE);
    }

    static AgentPromptPromoted promptPromoted(int n, String semver) {
        return new AgentPromptPromoted(
                NAME, prompt(n), n, semver, BumpType.PATCH, promptContent(n), "v" + n, prompt(n - 1), ALICE);
    }

    /** Registered, then config versions 2..n each drafted and promoted with a patch bump (0.1.1, 0.1.2, ...). */
    static List<AgentEvent> configChain(int n) {
        List<AgentEvent> events = new ArrayList<>(registered());
        for (int v = 2; v <= n; v++) {
            events.add(configDraft(v));
            events.add(configPromoted(v, "0.1." + (v - 1)));
        }
        return events;
    }

    /** Registered, then prompt versions 2..n drafted and promoted (patch bumps). */
    static List<AgentEvent> promptChain(int n) {
        List<AgentEvent> events = new ArrayList<>(registered());
        for (int v = 2; v <= n; v++) {
            events.add(promptDraft(v));
            events.add(promptPromoted(v, "0.1." + (v - 1)));
        }
        return events;
    }

    static List<AgentEvent> plus(List<AgentEvent> events, AgentEvent... more) {
        List<AgentEvent> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    /** A slot in memory (the command side's is a locked database row). */
    static final class MemorySlot implements PrimaryAgentSlot {
        String holder;
        int locks;

        MemorySlot(String holder) {
            this.holder = holder;
        }

        @Override
        public synchronized Optional<String> lock() {
            locks++;
            return Optional.ofNullable(holder);
        }

        @Override
        public synchronized void hold(String agentName) {
            holder = agentName;
        }
    }
}
