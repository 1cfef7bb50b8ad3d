package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** A WebAuthn passkey was removed. */
@Revision("2")
public record PasskeyRemoved(String principalId, String passkeyId, AuditContext audit) implements SecurityEvent {}
