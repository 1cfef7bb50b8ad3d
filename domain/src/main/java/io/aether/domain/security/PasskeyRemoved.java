package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** A WebAuthn passkey was removed. */
@Revision("1")
public record PasskeyRemoved(String principalId, String passkeyId, AuditContext audit) implements SecurityEvent {
}
