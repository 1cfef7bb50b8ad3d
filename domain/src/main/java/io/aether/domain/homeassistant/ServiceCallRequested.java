package io.aether.domain.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.aether.domain.actor.Actor;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person (owner session) asked Aether to call a Home Assistant service directly; the call follows. */
@Revision("1")
public record ServiceCallRequested(UUID callId, String domain, String service, JsonNode data, Actor actor)
        implements ServiceCallEvent {}
