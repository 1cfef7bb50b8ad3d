package io.aether.domain.security;

/** Every event of the security principal names the principal and carries its audit context. Never a secret. */
public interface SecurityEvent {
    String principalId();

    AuditContext audit();
}
