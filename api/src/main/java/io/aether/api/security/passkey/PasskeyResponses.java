package io.aether.api.security.passkey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the passkey endpoints, shaped as the original's contract. */
public final class PasskeyResponses {
    private PasskeyResponses() {}

    @Schema(name = "PasskeyInfo", description = "Public info about a registered passkey.")
    public record PasskeyInfo(UUID id, String deviceName, Instant createdAt, Instant lastUsedAt) {
        static PasskeyInfo of(PasskeyStore.StoredPasskey passkey) {
            return new PasskeyInfo(passkey.id(), passkey.deviceName(), passkey.createdAt(), passkey.lastUsedAt());
        }
    }

    @Schema(name = "PasskeyListResponse", description = "List of registered passkeys.")
    public record PasskeyList(List<PasskeyInfo> passkeys) {}

    @Schema(name = "PasskeyDeleteResponse")
    public record PasskeyDeleted(UUID id, boolean deleted) {}
}
