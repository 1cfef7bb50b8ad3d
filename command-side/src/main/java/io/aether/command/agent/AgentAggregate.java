package io.aether.command.agent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.aether.domain.actor.Actor;
import io.aether.domain.agent.AgentCloned;
import io.aether.domain.agent.AgentConfigDraftCreated;
import io.aether.domain.agent.AgentConfigDraftDiscarded;
import io.aether.domain.agent.AgentConfigDraftUpdated;
import io.aether.domain.agent.AgentConfigPromoted;
import io.aether.domain.agent.AgentConfigRolledBack;
import io.aether.domain.agent.AgentEvent;
import io.aether.domain.agent.AgentFold;
import io.aether.domain.agent.AgentPromptDraftCreated;
import io.aether.domain.agent.AgentPromptDraftDiscarded;
import io.aether.domain.agent.AgentPromptDraftUpdated;
import io.aether.domain.agent.AgentPromptPromoted;
import io.aether.domain.agent.AgentPromptRolledBack;
import io.aether.domain.agent.AgentRegistered;
import io.aether.domain.agent.AgentState;
import io.aether.domain.agent.AgentStatus;
import io.aether.domain.agent.AgentStatusChanged;
import io.aether.domain.agent.AgentVersion;
import io.aether.domain.agent.AgentVersionNotFoundException;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.BumpType;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.CreateAgentClone;
import io.aether.domain.agent.CreateConfigDraft;
import io.aether.domain.agent.CreatePromptDraft;
import io.aether.domain.agent.DiscardConfigDraft;
import io.aether.domain.agent.DiscardPromptDraft;
import io.aether.domain.agent.IllegalAgentTransitionException;
import io.aether.domain.agent.InvalidAgentCommandException;
import io.aether.domain.agent.PromoteAllDrafts;
import io.aether.domain.agent.PromoteConfig;
import io.aether.domain.agent.PromotePrompt;
import io.aether.domain.agent.PromotedDrafts;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.RegisterAgent;
import io.aether.domain.agent.RollBackConfig;
import io.aether.domain.agent.RollBackPrompt;
import io.aether.domain.agent.SwitchModel;
import io.aether.domain.agent.UpdateConfigDraft;
import io.aether.domain.agent.UpdatePromptDraft;
import io.aether.domain.agent.VersionKind;
import io.aether.domain.agent.VersionLine;
import io.aether.domain.agent.VersionStatus;
import io.aether.domain.tool.ToolRegistry;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The Agent aggregate (identifier: the agent's name): its status, and its config and prompt
 * versions with drafts, promotion and rollback by replay. Its state is {@link AgentFold}'s; an
 * illegal command throws a domain exception and appends nothing.
 *
 * <p>Agents can collect thousands of promotions, so the aggregate is snapshotted every
 * {@link AgentConfiguration#SNAPSHOT_THRESHOLD} events ({@link #SNAPSHOT_TRIGGER}): a load reads the
 * latest snapshot (this object as JSON: {@link #name} and {@link #state}) and the events after it.
 * Loaded agents also stay in {@link #CACHE} between commands.
 *
 * <p>Status changes go through {@link AgentStatusHandler}, which keeps at most one agent primary;
 * it calls {@link #changeStatus} and {@link #demoteFromPrimary} on the loaded aggregates.
 */
@Aggregate(cache = AgentAggregate.CACHE, snapshotTriggerDefinition = AgentAggregate.SNAPSHOT_TRIGGER)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AgentAggregate {
    /** Bean name of the cache of loaded agents. */
    public static final String CACHE = "agentCache";
    /** Bean name of the snapshot trigger. */
    public static final String SNAPSHOT_TRIGGER = "agentSnapshotTrigger";

    private static final String INITIAL_SUMMARY = "Initial version";

    @AggregateIdentifier
    private String name;

    private AgentState state;

    protected AgentAggregate() {
        // for Axon (and for snapshots)
    }

    @CommandHandler
    public AgentAggregate(RegisterAgent command) {
        Actor actor = actorOf(command.actor());
        requireName(command.agentName());
        require(command.agentId(), "agent id");
        require(command.profile(), "agent profile");
        require(command.configVersionId(), "config version id");
        require(command.promptVersionId(), "prompt version id");
        checkConfig(require(command.config(), "config"));
        checkPrompt(require(command.prompt(), "prompt"));
        String agent = command.agentName();
        apply(new AgentRegistered(agent, command.agentId(), command.profile(), AgentStatus.ENABLED, actor));
        // Applied events reach the state only once the constructor returns, so these are written out.
        apply(new AgentConfigDraftCreated(
                agent, command.configVersionId(), 1, command.config(), INITIAL_SUMMARY, BumpType.PATCH, actor));
        apply(new AgentConfigPromoted(
                agent,
                command.configVersionId(),
                1,
                BumpType.FIRST,
                BumpType.PATCH,
                command.config(),
                INITIAL_SUMMARY,
                null,
                actor));
        apply(new AgentPromptDraftCreated(
                agent, command.promptVersionId(), 1, command.prompt(), INITIAL_SUMMARY, BumpType.PATCH, actor));
        apply(new AgentPromptPromoted(
                agent,
                command.promptVersionId(),
                1,
                BumpType.FIRST,
                BumpType.PATCH,
                command.prompt(),
                INITIAL_SUMMARY,
                null,
                actor));
    }

    @CommandHandler
    public AgentAggregate(CreateAgentClone command) {
        Actor actor = actorOf(command.actor());
        requireName(command.agentName());
        require(command.agentId(), "agent id");
        require(command.profile(), "agent profile");
        require(command.clonedFrom(), "source agent");
        String agent = command.agentName();
        String summary = "Cloned from " + command.clonedFrom();
        apply(new AgentCloned(agent, command.agentId(), command.clonedFrom(), command.profile(), actor));
        if (command.config() != null) {
            apply(new AgentConfigDraftCreated(
                    agent,
                    require(command.configVersionId(), "config version id"),
                    1,
                    command.config(),
                    summary,
                    BumpType.PATCH,
                    actor));
        }
        if (command.prompt() != null) {
            apply(new AgentPromptDraftCreated(
                    agent,
                    require(command.promptVersionId(), "prompt version id"),
                    1,
                    command.prompt(),
                    summary,
                    BumpType.PATCH,
                    actor));
        }
    }

    // ---- status (called by AgentStatusHandler) ----

    /** Changes the status if the original's transitions allow it (409 otherwise). */
    public AgentView changeStatus(AgentStatus next, Actor actor) {
        Actor who = actorOf(actor);
        require(next, "status");
        AgentStatus current = state.status();
        if (!current.canBecome(next)) {
            throw new IllegalAgentTransitionException("Cannot change agent '" + name + "' from '" + current.wire()
                    + "' to '" + next.wire() + "'; allowed: disabled → enabled; enabled → disabled or primary; "
                    + "primary → disabled or enabled");
        }
        apply(new AgentStatusChanged(name, current, next, who, null));
        return view();
    }

    /** A primary agent becomes enabled because {@code newPrimary} became primary; anything else is left as it is. */
    public boolean demoteFromPrimary(String newPrimary, Actor actor) {
        if (state.status() != AgentStatus.PRIMARY) {
            return false;
        }
        apply(new AgentStatusChanged(
                name,
                AgentStatus.PRIMARY,
                AgentStatus.ENABLED,
                actorOf(actor),
                "demoted: '" + newPrimary + "' became primary"));
        return true;
    }

    // ---- config ----

    @CommandHandler
    public AgentVersion<ConfigContent> handle(CreateConfigDraft command) {
        Actor actor = actorOf(command.actor());
        UUID id = require(command.versionId(), "version id");
        requireNoDraft(state.config(), "config");
        ConfigContent content = checkConfig(require(command.content(), "config"));
        apply(new AgentConfigDraftCreated(
                name,
                id,
                state.config().lastNumber() + 1,
                content,
                command.changeSummary(),
                command.bumpType() == null ? BumpType.PATCH : command.bumpType(),
                actor));
        return state.config().byId(id).orElseThrow();
    }

    @CommandHandler
    public AgentVersion<ConfigContent> handle(UpdateConfigDraft command) {
        Actor actor = actorOf(command.actor());
        AgentVersion<ConfigContent> draft =
                requireDraft(state.config(), VersionKind.CONFIG, command.versionId(), "edited");
        ConfigContent content = command.patch() == null
                ? draft.content()
                : checkConfig(draft.content().with(command.patch()));
        String summary = command.changeSummary() != null ? command.changeSummary() : draft.changeSummary();
        apply(new AgentConfigDraftUpdated(name, draft.id(), content, summary, actor));
        return state.config().byId(draft.id()).orElseThrow();
    }

    @CommandHandler
    public void handle(DiscardConfigDraft command) {
        Actor actor = actorOf(command.actor());
        AgentVersion<ConfigContent> draft =
                requireDraft(state.config(), VersionKind.CONFIG, command.versionId(), "deleted");
        apply(new AgentConfigDraftDiscarded(name, draft.id(), draft.number(), actor));
    }

    @CommandHandler
    public AgentVersion<ConfigContent> handle(PromoteConfig command) {
        Actor actor = actorOf(command.actor());
        AgentVersion<ConfigContent> draft =
                requireDraft(state.config(), VersionKind.CONFIG, command.versionId(), "promoted");
        return promoteConfig(draft, command.bumpType(), actor);
    }

    @CommandHandler
    public AgentVersion<ConfigContent> handle(RollBackConfig command) {
        Actor actor = actorOf(command.actor());
        VersionLine<ConfigContent> line = state.config();
        int target = line.rollbackTarget(command.toVersion(), "config");
        AgentVersion<ConfigContent> from = line.active().orElseThrow();
        AgentVersion<ConfigContent> to = line.byNumber(target).orElseThrow();
        apply(new AgentConfigRolledBack(
                name, to.id(), to.number(), to.semver(), to.content(), from.id(), from.number(), actor));
        return state.config().active().orElseThrow();
    }

    @CommandHandler
    public AgentView handle(SwitchModel command) {
        Actor actor = actorOf(command.actor());
        UUID id = require(command.versionId(), "version id");
        if (command.modelName() == null || command.modelName().isBlank()) {
            throw new InvalidAgentCommandException("model_name is required");
        }
        requireNoDraft(state.config(), "config");
        ConfigContent base = state.config()
                .active()
                .map(AgentVersion::content)
                .orElse(new ConfigContent(null, null, null, null, null));
        ConfigContent content = checkConfig(base.withModel(command.modelName()));
        apply(new AgentConfigDraftCreated(
                name,
                id,
                state.config().lastNumber() + 1,
                content,
                "Model switched to " + command.modelName(),
                BumpType.PATCH,
                actor));
        promoteConfig(state.config().byId(id).orElseThrow(), BumpType.PATCH, actor);
        return view();
    }

    // ---- prompt ----

    @CommandHandler
    public AgentVersion<PromptContent> handle(CreatePromptDraft command) {
        Actor actor = actorOf(command.actor());
        UUID id = require(command.versionId(), "version id");
        requireNoDraft(state.prompt(), "prompt");
        PromptContent content = checkPrompt(require(command.content(), "prompt"));
        apply(new AgentPromptDraftCreated(
                name,
                id,
                state.prompt().lastNumber() + 1,
                content,
                command.changeSummary(),
                command.bumpType() == null ? BumpType.PATCH : command.bumpType(),
                actor));
        return state.prompt().byId(id).orElseThrow();
    }

    @CommandHandler
    public AgentVersion<PromptContent> handle(UpdatePromptDraft command) {
        Actor actor = actorOf(command.actor());
        AgentVersion<PromptContent> draft =
                requireDraft(state.prompt(), VersionKind.PROMPT, command.versionId(), "edited");
        PromptContent content = command.promptTemplate() == null
                ? draft.content()
                : checkPrompt(new PromptContent(command.promptTemplate()));
        String summary = command.changeSummary() != null ? command.changeSummary() : draft.changeSummary();
        apply(new AgentPromptDraftUpdated(name, draft.id(), content, summary, actor));
        return state.prompt().byId(draft.id()).orElseThrow();
    }

    @CommandHandler
    public void handle(DiscardPromptDraft command) {
        Actor actor = actorOf(command.actor());
        AgentVersion<PromptContent> draft =
                requireDraft(state.prompt(), VersionKind.PROMPT, command.versionId(), "deleted");
        apply(new AgentPromptDraftDiscarded(name, draft.id(), draft.number(), actor));
    }

    @CommandHandler
    public AgentVersion<PromptContent> handle(PromotePrompt command) {
        Actor actor = actorOf(command.actor());
        AgentVersion<PromptContent> draft =
                requireDraft(state.prompt(), VersionKind.PROMPT, command.versionId(), "promoted");
        return promotePrompt(draft, command.bumpType(), actor);
    }

    @CommandHandler
    public AgentVersion<PromptContent> handle(RollBackPrompt command) {
        Actor actor = actorOf(command.actor());
        VersionLine<PromptContent> line = state.prompt();
        int target = line.rollbackTarget(command.toVersion(), "prompt");
        AgentVersion<PromptContent> from = line.active().orElseThrow();
        AgentVersion<PromptContent> to = line.byNumber(target).orElseThrow();
        apply(new AgentPromptRolledBack(
                name, to.id(), to.number(), to.semver(), to.content(), from.id(), from.number(), actor));
        return state.prompt().active().orElseThrow();
    }

    // ---- both ----

    @CommandHandler
    public PromotedDrafts handle(PromoteAllDrafts command) {
        Actor actor = actorOf(command.actor());
        AgentVersion<ConfigContent> config = state.config()
                .draft()
                .map(d -> promoteConfig(d, command.bumpType(), actor))
                .orElse(null);
        AgentVersion<PromptContent> prompt = state.prompt()
                .draft()
                .map(d -> promotePrompt(d, command.bumpType(), actor))
                .orElse(null);
        return new PromotedDrafts(config, prompt);
    }

    /** The one event sourcing handler: the domain fold is the single source of state. */
    @EventSourcingHandler
    void on(AgentEvent event, @Timestamp Instant at) {
        state = AgentFold.apply(state, event, at);
        name = state.name();
    }

    /** The folded state (for tests that compare a snapshot-loaded agent with a replayed one). */
    AgentState state() {
        return state;
    }

    // ---- helpers ----

    private AgentView view() {
        return AgentView.of(state);
    }

    private AgentVersion<ConfigContent> promoteConfig(AgentVersion<ConfigContent> draft, BumpType bump, Actor actor) {
        BumpType used = bumpOf(bump, draft);
        apply(new AgentConfigPromoted(
                name,
                draft.id(),
                draft.number(),
                state.config().nextSemver(used),
                used,
                draft.content(),
                draft.changeSummary(),
                state.config().active().map(AgentVersion::id).orElse(null),
                actor));
        return state.config().active().orElseThrow();
    }

    private AgentVersion<PromptContent> promotePrompt(AgentVersion<PromptContent> draft, BumpType bump, Actor actor) {
        BumpType used = bumpOf(bump, draft);
        apply(new AgentPromptPromoted(
                name,
                draft.id(),
                draft.number(),
                state.prompt().nextSemver(used),
                used,
                draft.content(),
                draft.changeSummary(),
                state.prompt().active().map(AgentVersion::id).orElse(null),
                actor));
        return state.prompt().active().orElseThrow();
    }

    /** The bump asked for at promotion; else the one the draft was created with; else patch. */
    private static BumpType bumpOf(BumpType asked, AgentVersion<?> draft) {
        if (asked != null) {
            return asked;
        }
        return draft.bumpType() != null ? draft.bumpType() : BumpType.PATCH;
    }

    private static void requireNoDraft(VersionLine<?> line, String what) {
        line.draft().ifPresent(d -> {
            throw new IllegalAgentTransitionException("This agent already has a " + what + " draft (version "
                    + d.number() + ", id " + d.id() + "); edit or delete it first");
        });
    }

    /** The version {@code id} of this agent (404 if it is not one of this agent's), which must be a draft (409). */
    private <C> AgentVersion<C> requireDraft(VersionLine<C> line, VersionKind kind, UUID id, String action) {
        AgentVersion<C> version = line.byId(require(id, "version id"))
                .orElseThrow(() -> new AgentVersionNotFoundException(name, kind, id));
        if (version.status() != VersionStatus.DRAFT) {
            throw new IllegalAgentTransitionException("Only drafts can be " + action + "; " + kind.wire() + " version "
                    + version.number() + " is " + version.status().wire());
        }
        return version;
    }

    /** Temperature 0–2 and known tool names; the API checks these first with field details. */
    static ConfigContent checkConfig(ConfigContent content) {
        Double t = content.temperature();
        if (t != null && (t.isNaN() || t < 0 || t > ConfigContent.MAX_TEMPERATURE)) {
            throw new InvalidAgentCommandException("temperature must be between 0 and 2");
        }
        if (content.toolsEnabled() != null) {
            for (String tool : content.toolsEnabled()) {
                if (!ToolRegistry.isKnown(tool)) {
                    throw new InvalidAgentCommandException("unknown tool '" + tool + "' in tools_enabled");
                }
            }
        }
        return content;
    }

    static PromptContent checkPrompt(PromptContent content) {
        String template = content.promptTemplate();
        if (template == null || template.isBlank()) {
            throw new InvalidAgentCommandException("prompt_template is required");
        }
        if (template.length() > PromptContent.MAX_TEMPLATE_LENGTH) {
            throw new InvalidAgentCommandException("prompt_template is longer than 50,000 characters");
        }
        return content;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidAgentCommandException("agent name is required");
        }
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new InvalidAgentCommandException(what + " is required");
        }
        return value;
    }

    /** Every command names its principal; the API resolves it from the security context, never from the body. */
    private static Actor actorOf(Actor actor) {
        if (actor == null) {
            throw new InvalidAgentCommandException("the command has no actor");
        }
        return actor;
    }
}
