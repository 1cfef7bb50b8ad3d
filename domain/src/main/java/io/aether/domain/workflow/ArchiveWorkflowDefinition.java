package io.aether.domain.workflow;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Retire a workflow definition: gone from the list, kept in the history (the original's soft delete). */
public record ArchiveWorkflowDefinition(UUID id, Actor actor) implements WorkflowDefinitionCommand {}
