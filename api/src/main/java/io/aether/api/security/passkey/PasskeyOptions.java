package io.aether.api.security.passkey;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.List;

/**
 * Ceremony options in WebAuthn Level 3 JSON (PublicKeyCredentialCreationOptionsJSON and
 * PublicKeyCredentialRequestOptionsJSON), ready for the browser's parse*OptionsFromJSON. These
 * members are camelCase by the WebAuthn spec, unlike the rest of the API.
 */
public final class PasskeyOptions {
    static final String PUBLIC_KEY = "public-key";

    private PasskeyOptions() {}

    @Schema(name = "PasskeyCreationOptions")
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Creation(
            String challenge,
            Rp rp,
            User user,
            List<CredentialParameter> pubKeyCredParams,
            long timeout,
            String attestation,
            AuthenticatorSelection authenticatorSelection,
            List<CredentialDescriptor> excludeCredentials) {}

    @Schema(name = "PasskeyRequestOptions")
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Request(
            String challenge,
            String rpId,
            long timeout,
            String userVerification,
            List<CredentialDescriptor> allowCredentials) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Rp(String id, String name) {}

    /** id: the owner's user handle, base64url. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record User(String id, String name, String displayName) {}

    /** alg: a COSE algorithm identifier (-7 ES256, -257 RS256). */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record CredentialParameter(String type, long alg) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record AuthenticatorSelection(String residentKey, boolean requireResidentKey, String userVerification) {}

    /** id: a credential id, base64url. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record CredentialDescriptor(String type, String id) {}

    /** A discoverable credential for the owner; user verification preferred but not required; no attestation. */
    static Creation creation(
            String challenge,
            RelyingParty party,
            String userHandle,
            String username,
            List<String> registeredCredentialIds,
            Duration timeout) {
        return new Creation(
                challenge,
                new Rp(party.id(), party.name()),
                new User(userHandle, username, username),
                WebAuthn.ALGORITHMS.stream()
                        .map(alg -> new CredentialParameter(PUBLIC_KEY, alg.getValue()))
                        .toList(),
                timeout.toMillis(),
                "none",
                new AuthenticatorSelection("required", true, "preferred"),
                descriptors(registeredCredentialIds));
    }

    /** An empty allow list: the authenticator offers its discoverable credentials for this rp id. */
    static Request request(String challenge, RelyingParty party, Duration timeout) {
        return new Request(challenge, party.id(), timeout.toMillis(), "preferred", List.of());
    }

    private static List<CredentialDescriptor> descriptors(List<String> credentialIds) {
        return credentialIds.stream()
                .map(id -> new CredentialDescriptor(PUBLIC_KEY, id))
                .toList();
    }
}
