package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** A login was refused; attemptedUsername is what the client sent, reason why it was refused. */
@Revision("2")
public record LoginFailed(
        String principalId, String method, String attemptedUsername, String reason, AuditContext audit)
        implements SecurityEvent {}
