package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** An API key was revoked and no longer authenticates. */
@Revision("2")
public record ApiKeyRevoked(String principalId, String keyId, AuditContext audit) implements SecurityEvent {}
