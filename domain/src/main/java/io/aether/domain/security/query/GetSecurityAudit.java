package io.aether.domain.security.query;

/** A page of the security principal's audit trail, newest first. */
public record GetSecurityAudit(int limit, int offset) {}
