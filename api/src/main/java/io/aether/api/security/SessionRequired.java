package io.aether.api.security;

import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;

/**
 * Managing credentials (password, API keys, passkeys, Google link) needs a signed-in person, not
 * an API key: a leaked key must not be able to mint more keys or lock the owner out.
 */
public final class SessionRequired {
    private SessionRequired() {}

    public static AetherAuthentication of(AetherAuthentication caller) {
        if (caller.session() == null) {
            throw new ApiException(
                    ErrorKind.FORBIDDEN,
                    "This needs a signed-in session (password, passkey, Home Assistant token or Google), not an API key");
        }
        return caller;
    }

    public static AetherAuthentication current() {
        return of(AetherAuthentication.current());
    }
}
