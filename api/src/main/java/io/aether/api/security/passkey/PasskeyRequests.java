package io.aether.api.security.passkey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the passkey endpoints; credential is the browser's PublicKeyCredential.toJSON(). */
public final class PasskeyRequests {
    private PasskeyRequests() {}

    @Schema(name = "RegisterVerifyRequest", description = "WebAuthn registration response from the browser.")
    public record RegisterVerify(
            @NotNull ObjectNode credential, @Size(max = 100) String deviceName) {
        @Override
        public String toString() {
            return "RegisterVerify[deviceName=" + deviceName + "]";
        }
    }

    @Schema(name = "AuthenticateVerifyRequest", description = "WebAuthn authentication response from the browser.")
    public record AuthenticateVerify(@NotNull ObjectNode credential) {
        @Override
        public String toString() {
            return "AuthenticateVerify[]";
        }
    }
}
