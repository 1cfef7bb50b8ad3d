package io.aether.domain.workflow;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A workflow definition was recorded, as a draft; {@code version} counts its creations (1, then 2 after an archive...). */
@Revision("1")
public record WorkflowDefinitionCreated(UUID id, int version, WorkflowDefinitionContent content, Actor actor)
        implements WorkflowDefinitionEvent {}
