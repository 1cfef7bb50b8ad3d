package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** An API key was issued; prefix is the part of the key shown to users, never the key. */
@Revision("2")
public record ApiKeyIssued(String principalId, String keyId, String name, String prefix, AuditContext audit)
        implements SecurityEvent {}
