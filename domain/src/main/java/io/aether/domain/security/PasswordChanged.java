package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** The owner's password was changed (the password itself is never recorded). */
@Revision("2")
public record PasswordChanged(String principalId, AuditContext audit) implements SecurityEvent {}
