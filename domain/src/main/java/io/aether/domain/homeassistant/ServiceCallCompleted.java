package io.aether.domain.homeassistant;

import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Home Assistant's answer to a direct service call: success, or the error it gave (HA's message). */
@Revision("1")
public record ServiceCallCompleted(
        UUID callId, String domain, String service, boolean success, String error, Actor actor)
        implements ServiceCallEvent {}
