package io.aether.domain.hitl;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** A fact of the notification flow: one notification sent, or one action received. Each is its own stream. */
public interface HitlEvent {
    UUID id();

    Actor actor();
}
