package io.aether.domain.security;

import org.axonframework.serialization.Revision;

/** The owner finished first-time setup; passwordSet says whether a local password was chosen. */
@Revision("2")
public record SetupCompleted(String principalId, String haUrl, boolean passwordSet, AuditContext audit)
        implements SecurityEvent {}
