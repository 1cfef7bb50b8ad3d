package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** A session was ended; sessionId is the JWT id (jti). */
@Revision("2")
public record LoggedOut(String principalId, String sessionId, AuditContext audit) implements SecurityEvent {}
