package io.aether.domain.security.query;

import java.util.List;

/** One page of the security audit trail (newest first) and the total number of entries. */
public record SecurityAuditPage(List<SecurityAuditEntry> items, long total, int limit, int offset) {}
