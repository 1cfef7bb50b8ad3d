package io.aether.domain.toolgroup;

import io.aether.domain.actor.Actor;

/** An event of one tool group; every one carries the group's full content and who caused it. */
public interface ToolGroupEvent {
    String name();

    ToolGroupContent content();

    Actor actor();
}
