package io.aether.api.toolgroup;

import io.aether.domain.actor.Actor;
import io.aether.domain.toolgroup.ToolGroupContent;
import io.aether.domain.toolgroup.UpdateToolGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tool groups over HTTP, at {@code /api/v1/tool-groups} (the original served them at a doubled
 * prefix by mistake). Every change is an event that names the authenticated principal.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/tool-groups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tool Groups", description = "Named sets of agent tools that agent configs can enable")
public class ToolGroupController {
    private final ToolGroupService groups;

    public ToolGroupController(ToolGroupService groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "List tool groups by name, with their tool counts")
    public ToolGroupResponses.ToolGroups list(
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return ToolGroupResponses.ToolGroups.of(groups.list(limit, offset));
    }

    @GetMapping("/{name}")
    @Operation(summary = "Get one tool group")
    public ToolGroupResponses.ToolGroup get(@PathVariable String name) {
        return ToolGroupResponses.ToolGroup.of(groups.get(name));
    }

    @PostMapping
    @Operation(summary = "Create a tool group (names must match ^[a-z][a-z0-9_]*$; every tool must exist)")
    public ResponseEntity<ToolGroupResponses.ToolGroup> create(
            @Valid @RequestBody ToolGroupRequests.Create request, Actor actor) {
        ToolGroupContent content = new ToolGroupContent(
                request.displayName(),
                request.description(),
                request.toolNames(),
                request.isReadOnly() == null || request.isReadOnly());
        ToolGroupResponses.ToolGroup created =
                ToolGroupResponses.ToolGroup.of(groups.create(request.name(), content, actor));
        return ResponseEntity.created(URI.create("/api/v1/tool-groups/" + created.name()))
                .body(created);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a tool group: the fields given replace its values")
    public ToolGroupResponses.ToolGroup update(
            @PathVariable String name, @Valid @RequestBody ToolGroupRequests.Update request, Actor actor) {
        return ToolGroupResponses.ToolGroup.of(groups.update(new UpdateToolGroup(
                name, request.displayName(), request.description(), request.toolNames(), request.isReadOnly(), actor)));
    }
}
