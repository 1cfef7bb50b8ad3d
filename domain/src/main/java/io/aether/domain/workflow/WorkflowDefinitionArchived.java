package io.aether.domain.workflow;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A workflow definition was archived (deleted from the list; its events stay). */
@Revision("1")
public record WorkflowDefinitionArchived(UUID id, Actor actor) implements WorkflowDefinitionEvent {}
