package io.aether.api.workflow;

import io.aether.domain.actor.Actor;
import io.aether.domain.workflow.WorkflowDefinitionContent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workflow presets for the chat UI, and named workflow definitions (each change an event). */
@RestController
@Validated
@RequestMapping(path = "/api/v1/workflows", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Workflows", description = "Workflow presets and stored workflow definitions")
public class WorkflowController {
    private final WorkflowService workflows;

    public WorkflowController(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @GetMapping("/presets")
    @Operation(summary = "List the workflow presets the chat offers (which agents take part)")
    public WorkflowResponses.Presets presets() {
        return WorkflowResponses.Presets.all();
    }

    @GetMapping("/definitions")
    @Operation(summary = "List workflow definitions by name (archived ones excluded)")
    public WorkflowResponses.Workflows list(
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return WorkflowResponses.Workflows.of(workflows.list(limit, offset));
    }

    @PostMapping(path = "/definitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a workflow definition (draft)",
            description = "Names are unique (case aside); the topology is checked: unique node ids, edges between "
                    + "known nodes or __start__/__end__, no cycle of plain edges.")
    public ResponseEntity<WorkflowResponses.Workflow> create(
            @Valid @RequestBody WorkflowRequests.Create request, Actor actor) {
        WorkflowDefinitionContent content = new WorkflowDefinitionContent(
                request.name().strip(),
                request.description(),
                request.stateType().strip(),
                request.nodes(),
                request.edges(),
                request.conditionalEdges(),
                request.intentPatterns());
        WorkflowResponses.Workflow created = WorkflowResponses.Workflow.of(workflows.create(content, actor));
        return ResponseEntity.created(URI.create("/api/v1/workflows/definitions/" + created.id()))
                .body(created);
    }

    @GetMapping("/definitions/{definitionId}")
    @Operation(summary = "Get one workflow definition (archived ones too)")
    public WorkflowResponses.Workflow get(@PathVariable String definitionId) {
        return WorkflowResponses.Workflow.of(workflows.get(definitionId));
    }

    @DeleteMapping("/definitions/{definitionId}")
    @Operation(summary = "Archive a workflow definition (gone from the list; its history stays)")
    public WorkflowResponses.Archived delete(@PathVariable String definitionId, Actor actor) {
        return new WorkflowResponses.Archived(
                workflows.archive(definitionId, actor).id().toString(), "archived");
    }
}
