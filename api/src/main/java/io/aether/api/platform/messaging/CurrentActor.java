package io.aether.api.platform.messaging;

import io.aether.domain.actor.Actor;
import java.util.Optional;

/** The principal of the request being handled on this thread, if one authenticated (implemented by security). */
public interface CurrentActor {
    Optional<Actor> current();
}
