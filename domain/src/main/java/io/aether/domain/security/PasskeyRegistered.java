package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** A WebAuthn passkey was registered (the credential's public key lives in the auth tables, not here). */
@Revision("2")
public record PasskeyRegistered(String principalId, String passkeyId, String deviceName, AuditContext audit)
        implements SecurityEvent {}
