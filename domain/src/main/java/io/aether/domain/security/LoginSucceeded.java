package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/**
 * A login succeeded. method is password, ha_token, passkey or google; sessionId is the JWT id (jti), never the
 * token.
 */
@Revision("2")
public record LoginSucceeded(String principalId, String method, String sessionId, AuditContext audit)
        implements SecurityEvent {}
