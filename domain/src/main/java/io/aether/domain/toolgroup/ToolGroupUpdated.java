package io.aether.domain.toolgroup;

import io.aether.domain.actor.Actor;
import org.axonframework.serialization.Revision;

/** A tool group was changed; {@code content} is all of it afterwards, not only what changed. */
@Revision("1")
public record ToolGroupUpdated(String name, ToolGroupContent content, Actor actor) implements ToolGroupEvent {}
