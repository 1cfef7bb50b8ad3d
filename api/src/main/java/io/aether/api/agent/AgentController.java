package io.aether.api.agent;

import io.aether.api.platform.error.ApiException;
import io.aether.api.platform.web.IfMatch;
import io.aether.domain.actor.Actor;
import io.aether.domain.agent.AgentVersion;
import io.aether.domain.agent.AgentView;
import io.aether.domain.agent.BumpType;
import io.aether.domain.agent.ChangeAgentStatus;
import io.aether.domain.agent.ConfigContent;
import io.aether.domain.agent.CreateConfigDraft;
import io.aether.domain.agent.CreatePromptDraft;
import io.aether.domain.agent.DiscardConfigDraft;
import io.aether.domain.agent.DiscardPromptDraft;
import io.aether.domain.agent.PromoteAllDrafts;
import io.aether.domain.agent.PromoteConfig;
import io.aether.domain.agent.PromotePrompt;
import io.aether.domain.agent.PromotedDrafts;
import io.aether.domain.agent.PromptContent;
import io.aether.domain.agent.RollBackConfig;
import io.aether.domain.agent.RollBackPrompt;
import io.aether.domain.agent.SwitchModel;
import io.aether.domain.agent.UpdateConfigDraft;
import io.aether.domain.agent.UpdatePromptDraft;
import io.aether.domain.agent.VersionKind;
import io.aether.domain.agent.query.AgentHistory;
import io.aether.domain.agent.query.AgentPage;
import io.aether.domain.agent.query.AgentVersions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agents over HTTP: status, clone, quick model switch, config and prompt versions (drafts,
 * promotion, rollback by replay), promote-all, seeding, history and time travel. Every command
 * records the authenticated principal ({@link Actor}); status, promotion and rollback accept
 * {@code If-Match: "<agent version>"} (the ETag of {@code GET /agents/{name}}).
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/agents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Agents", description = "Agents: status, versioned configs and prompts, promotion, rollback, history")
public class AgentController {
    private final AgentService agents;

    public AgentController(AgentService agents) {
        this.agents = agents;
    }

    // ---- agents ----

    @GetMapping
    @Operation(summary = "List agents by name with their active config and prompt (limit/offset paging, after: cursor)")
    public AgentResponses.AgentList list(
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(required = false) String after) {
        AgentPage page = agents.list(limit, offset, after == null || after.isBlank() ? null : after, false);
        List<AgentResponses.Agent> items =
                page.items().stream().map(AgentResponses.Agent::of).toList();
        String next = items.size() < limit ? null : items.get(items.size() - 1).name();
        return new AgentResponses.AgentList(items, page.total(), limit, offset, next);
    }

    @GetMapping("/available")
    @Operation(summary = "Routable agents that are not disabled, with their routing metadata")
    public AgentResponses.AvailableAgentList available() {
        AgentPage page = agents.list(500, 0, null, true);
        return new AgentResponses.AvailableAgentList(
                page.items().stream().map(AgentResponses.AvailableAgent::of).toList(), page.total());
    }

    @GetMapping("/{name}")
    @Operation(summary = "Get an agent; ?at=<ISO instant> for its status, config and prompt as they were then")
    public ResponseEntity<AgentResponses.Agent> get(
            @PathVariable String name, @RequestParam(required = false) String at) {
        if (at != null) {
            return ResponseEntity.ok(AgentResponses.Agent.of(agents.getAt(name, parseInstant(at))));
        }
        AgentView view = agents.get(name);
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(AgentResponses.Agent.of(view));
    }

    @PatchMapping("/{name}")
    @Operation(summary = "Change the status (disabled, enabled, primary); making one primary demotes the old primary")
    public AgentResponses.Agent changeStatus(
            @PathVariable String name,
            @Valid @RequestBody AgentRequests.StatusUpdate request,
            Actor actor,
            IfMatch ifMatch) {
        AgentView view = agents.send(new ChangeAgentStatus(name, request.status(), actor, ifMatch.expectedSequence()));
        return AgentResponses.Agent.of(view);
    }

    @PostMapping("/{name}/clone")
    @Operation(summary = "Clone as <name>_copy (or _copy2, ...) with the active config and prompt as drafts")
    public ResponseEntity<AgentResponses.Agent> cloneAgent(@PathVariable String name, Actor actor) {
        AgentView clone = agents.cloneAgent(name, actor);
        return ResponseEntity.created(URI.create("/api/v1/agents/" + clone.name()))
                .body(AgentResponses.Agent.of(clone));
    }

    @PatchMapping("/{name}/model")
    @Operation(summary = "Quick model switch: a config draft copied from the active one with the new model, promoted")
    public AgentResponses.Agent switchModel(
            @PathVariable String name, @Valid @RequestBody AgentRequests.ModelSwitch request, Actor actor) {
        AgentView view = agents.send(new SwitchModel(name, UUID.randomUUID(), request.modelName(), actor));
        return AgentResponses.Agent.of(view);
    }

    // ---- config versions ----

    @GetMapping("/{name}/config/versions")
    @Operation(summary = "The agent's config versions, newest first")
    @SuppressWarnings("unchecked")
    public List<AgentResponses.ConfigVersion> configVersions(
            @PathVariable String name,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        AgentVersions versions = agents.versions(name, VersionKind.CONFIG, limit, offset);
        return versions.items().stream()
                .map(v -> AgentResponses.ConfigVersion.of(versions.agentId(), (AgentVersion<ConfigContent>) v))
                .toList();
    }

    @PostMapping("/{name}/config/versions")
    @Operation(summary = "Create the config draft (409 while one exists)")
    public ResponseEntity<AgentResponses.ConfigVersion> createConfig(
            @PathVariable String name, @Valid @RequestBody AgentRequests.ConfigCreate request, Actor actor) {
        UUID agentId = agents.agentId(name);
        AgentVersion<ConfigContent> draft = agents.send(new CreateConfigDraft(
                name,
                UUID.randomUUID(),
                new ConfigContent(
                        request.modelName(),
                        request.temperature(),
                        request.fallbackModel(),
                        request.toolsEnabled(),
                        request.toolGroupsEnabled()),
                request.changeSummary(),
                bump(request.bumpType()),
                actor));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + name + "/config/versions/" + draft.id()))
                .body(AgentResponses.ConfigVersion.of(agentId, draft));
    }

    @PatchMapping("/{name}/config/versions/{versionId}")
    @Operation(summary = "Edit the config draft (given fields only; 409 if the version is not a draft)")
    public AgentResponses.ConfigVersion updateConfig(
            @PathVariable String name,
            @PathVariable UUID versionId,
            @Valid @RequestBody AgentRequests.ConfigUpdate request,
            Actor actor) {
        UUID agentId = agents.agentId(name);
        AgentVersion<ConfigContent> draft = agents.send(new UpdateConfigDraft(
                name,
                versionId,
                new ConfigContent(
                        request.modelName(),
                        request.temperature(),
                        request.fallbackModel(),
                        request.toolsEnabled(),
                        request.toolGroupsEnabled()),
                request.changeSummary(),
                actor));
        return AgentResponses.ConfigVersion.of(agentId, draft);
    }

    @DeleteMapping("/{name}/config/versions/{versionId}")
    @Operation(summary = "Delete the config draft (409 if the version is not a draft)")
    public ResponseEntity<Void> deleteConfig(@PathVariable String name, @PathVariable UUID versionId, Actor actor) {
        agents.send(new DiscardConfigDraft(name, versionId, actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{name}/config/versions/{versionId}/promote")
    @Operation(summary = "Promote the config draft: the active one is archived, the semver bumped (bump_type)")
    public AgentResponses.ConfigVersion promoteConfig(
            @PathVariable String name,
            @PathVariable UUID versionId,
            @RequestParam(name = "bump_type", required = false) String bumpType,
            Actor actor,
            IfMatch ifMatch) {
        UUID agentId = agents.agentId(name);
        AgentVersion<ConfigContent> active =
                agents.send(new PromoteConfig(name, versionId, bump(bumpType), actor, ifMatch.expectedSequence()));
        return AgentResponses.ConfigVersion.of(agentId, active);
    }

    @PostMapping("/{name}/config/rollback")
    @Operation(summary = "Roll the config back by replay: the version active before (or to_version) is active again")
    public AgentResponses.ConfigVersion rollbackConfig(
            @PathVariable String name,
            @Valid @RequestBody(required = false) AgentRequests.Rollback request,
            Actor actor,
            IfMatch ifMatch) {
        UUID agentId = agents.agentId(name);
        AgentVersion<ConfigContent> active =
                agents.send(new RollBackConfig(name, toVersion(request), actor, ifMatch.expectedSequence()));
        return AgentResponses.ConfigVersion.of(agentId, active);
    }

    // ---- prompt versions ----

    @GetMapping("/{name}/prompt/versions")
    @Operation(summary = "The agent's prompt versions, newest first")
    @SuppressWarnings("unchecked")
    public List<AgentResponses.PromptVersion> promptVersions(
            @PathVariable String name,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        AgentVersions versions = agents.versions(name, VersionKind.PROMPT, limit, offset);
        return versions.items().stream()
                .map(v -> AgentResponses.PromptVersion.of(versions.agentId(), (AgentVersion<PromptContent>) v))
                .toList();
    }

    @PostMapping("/{name}/prompt/versions")
    @Operation(summary = "Create the prompt draft (409 while one exists)")
    public ResponseEntity<AgentResponses.PromptVersion> createPrompt(
            @PathVariable String name, @Valid @RequestBody AgentRequests.PromptCreate request, Actor actor) {
        UUID agentId = agents.agentId(name);
        AgentVersion<PromptContent> draft = agents.send(new CreatePromptDraft(
                name,
                UUID.randomUUID(),
                new PromptContent(request.promptTemplate()),
                request.changeSummary(),
                bump(request.bumpType()),
                actor));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + name + "/prompt/versions/" + draft.id()))
                .body(AgentResponses.PromptVersion.of(agentId, draft));
    }

    @PatchMapping("/{name}/prompt/versions/{versionId}")
    @Operation(summary = "Edit the prompt draft (given fields only; 409 if the version is not a draft)")
    public AgentResponses.PromptVersion updatePrompt(
            @PathVariable String name,
            @PathVariable UUID versionId,
            @Valid @RequestBody AgentRequests.PromptUpdate request,
            Actor actor) {
        UUID agentId = agents.agentId(name);
        AgentVersion<PromptContent> draft = agents.send(
                new UpdatePromptDraft(name, versionId, request.promptTemplate(), request.changeSummary(), actor));
        return AgentResponses.PromptVersion.of(agentId, draft);
    }

    @DeleteMapping("/{name}/prompt/versions/{versionId}")
    @Operation(summary = "Delete the prompt draft (409 if the version is not a draft)")
    public ResponseEntity<Void> deletePrompt(@PathVariable String name, @PathVariable UUID versionId, Actor actor) {
        agents.send(new DiscardPromptDraft(name, versionId, actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{name}/prompt/versions/{versionId}/promote")
    @Operation(summary = "Promote the prompt draft: the active one is archived, the semver bumped (bump_type)")
    public AgentResponses.PromptVersion promotePrompt(
            @PathVariable String name,
            @PathVariable UUID versionId,
            @RequestParam(name = "bump_type", required = false) String bumpType,
            Actor actor,
            IfMatch ifMatch) {
        UUID agentId = agents.agentId(name);
        AgentVersion<PromptContent> active =
                agents.send(new PromotePrompt(name, versionId, bump(bumpType), actor, ifMatch.expectedSequence()));
        return AgentResponses.PromptVersion.of(agentId, active);
    }

    @PostMapping("/{name}/prompt/rollback")
    @Operation(summary = "Roll the prompt back by replay: the version active before (or to_version) is active again")
    public AgentResponses.PromptVersion rollbackPrompt(
            @PathVariable String name,
            @Valid @RequestBody(required = false) AgentRequests.Rollback request,
            Actor actor,
            IfMatch ifMatch) {
        UUID agentId = agents.agentId(name);
        AgentVersion<PromptContent> active =
                agents.send(new RollBackPrompt(name, toVersion(request), actor, ifMatch.expectedSequence()));
        return AgentResponses.PromptVersion.of(agentId, active);
    }

    // ---- bulk ----

    @PostMapping("/{name}/promote-all")
    @Operation(summary = "Promote whichever config and prompt drafts exist; the message says which")
    public AgentResponses.PromoteBoth promoteAll(
            @PathVariable String name,
            @RequestParam(name = "bump_type", required = false) String bumpType,
            Actor actor,
            IfMatch ifMatch) {
        UUID agentId = agents.agentId(name);
        PromotedDrafts promoted =
                agents.send(new PromoteAllDrafts(name, bump(bumpType), actor, ifMatch.expectedSequence()));
        String message;
        if (promoted.config() != null && promoted.prompt() != null) {
            message = "Promoted the config and the prompt drafts";
        } else if (promoted.config() != null) {
            message = "Promoted the config draft; there was no prompt draft";
        } else if (promoted.prompt() != null) {
            message = "Promoted the prompt draft; there was no config draft";
        } else {
            message = "No drafts to promote";
        }
        return new AgentResponses.PromoteBoth(
                promoted.config() == null ? null : AgentResponses.ConfigVersion.of(agentId, promoted.config()),
                promoted.prompt() == null ? null : AgentResponses.PromptVersion.of(agentId, promoted.prompt()),
                message);
    }

    @PostMapping("/seed")
    @Operation(summary = "Register the 13 default agents that do not exist yet (a second call creates nothing)")
    public ResponseEntity<AgentResponses.Seeded> seed(Actor actor) {
        return ResponseEntity.status(201).body(agents.seed(actor));
    }

    @GetMapping("/{name}/history")
    @Operation(
            summary = "The agent's events in order: type, version, timestamp, actor (the principal), label, reason, "
                    + "correlation_id, causation_id, payload; paged by position")
    public AgentResponses.History history(
            @PathVariable String name,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        AgentHistory history = agents.history(name, limit, offset);
        return new AgentResponses.History(history.agentName(), history.events(), history.total(), limit, offset);
    }

    // ---- helpers ----

    private static Integer toVersion(AgentRequests.Rollback request) {
        return request == null ? null : request.toVersion();
    }

    /** The bump_type query parameter or body field; anything but major, minor, patch is 422. */
    private static BumpType bump(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BumpType.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("bump_type: " + e.getMessage());
        }
    }

    private static Instant parseInstant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("'at' must be an ISO-8601 instant such as 2026-11-28T10:15:30Z");
            }
        }
    }
}
