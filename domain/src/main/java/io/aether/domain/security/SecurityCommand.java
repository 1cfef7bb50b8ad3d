package io.aether.domain.security;

/** Every command of the security principal carries its audit context, so the API sends them typed, never as Object. */
public interface SecurityCommand {
    String principalId();

    AuditContext audit();
}
