package io.aether.domain.toolgroup;

import io.aether.domain.actor.Actor;
import org.axonframework.serialization.Revision;

/** A tool group was created with this content. */
@Revision("1")
public record ToolGroupCreated(String name, ToolGroupContent content, Actor actor) implements ToolGroupEvent {}
