package io.aether.domain.homeassistant;

import io.aether.domain.actor.Actor;
import java.util.UUID;

/** Every event of a person's direct Home Assistant service call (POST /registry/services/call). */
public interface ServiceCallEvent {
    UUID callId();

    Actor actor();
}
