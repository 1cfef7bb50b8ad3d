package io.aether.api.security.passkey;

import java.util.Set;

/** The WebAuthn relying party of one request: its id (a host name), display name, and accepted origins. */
public record RelyingParty(String id, String name, Set<String> origins) {
    public RelyingParty {
        origins = Set.copyOf(origins);
    }
}
