package io.aether.api.security.passkey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.Base64UrlUtil;
import com.webauthn4j.verifier.exception.VerificationException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn ceremonies' cryptography, by webauthn4j. Attestation is "none": any authenticator
 * is accepted (there is no trust list to check it against); user presence is required, user
 * verification is not. Everything that goes wrong with a response becomes a
 * {@link PasskeyRejectedException} with a short reason.
 */
@Component
public class WebAuthn {
    /** ES256 and RS256, in order of preference: what practically every authenticator offers. */
    static final List<COSEAlgorithmIdentifier> ALGORITHMS =
            List.of(COSEAlgorithmIdentifier.ES256, COSEAlgorithmIdentifier.RS256);

    private static final List<PublicKeyCredentialParameters> CREDENTIAL_PARAMETERS = ALGORITHMS.stream()
            .map(alg -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, alg))
            .toList();
    private static final boolean USER_VERIFICATION_REQUIRED = false;
    private static final boolean USER_PRESENCE_REQUIRED = true;

    /**
     * Built on first use: webauthn4j brings its own Jackson (3.x), and should that ever not load,
     * only passkeys fail; password sign-in and the rest of the server still start.
     */
    private volatile Library library;

    private record Library(WebAuthnManager manager, AttestedCredentialDataConverter credentialData) {
        static Library create() {
            ObjectConverter converter = new ObjectConverter();
            return new Library(
                    WebAuthnManager.createNonStrictWebAuthnManager(converter),
                    new AttestedCredentialDataConverter(converter));
        }
    }

    /** A registration response as the browser's PublicKeyCredential.toJSON() writes it. */
    public RegistrationData parseRegistration(ObjectNode credential) {
        return call(
                "malformed_credential", () -> library().manager().parseRegistrationResponseJSON(credential.toString()));
    }

    /** An authentication (assertion) response as the browser's PublicKeyCredential.toJSON() writes it. */
    public AuthenticationData parseAuthentication(ObjectNode credential) {
        return call(
                "malformed_credential",
                () -> library().manager().parseAuthenticationResponseJSON(credential.toString()));
    }

    /** Checks type, challenge, origin, rp id hash, user presence, algorithm and attestation format. */
    public void verifyRegistration(RegistrationData data, RelyingParty party, String challenge) {
        call(
                "verification_failed",
                () -> library()
                        .manager()
                        .verify(
                                data,
                                new RegistrationParameters(
                                        serverProperty(party, challenge),
                                        CREDENTIAL_PARAMETERS,
                                        USER_VERIFICATION_REQUIRED,
                                        USER_PRESENCE_REQUIRED)));
    }

    /** Checks type, challenge, origin, rp id hash, user presence, the signature and the signature counter. */
    public void verifyAuthentication(
            AuthenticationData data, RelyingParty party, String challenge, PasskeyStore.StoredPasskey passkey) {
        CredentialRecordImpl record = new CredentialRecordImpl(
                null,
                passkey.uvInitialized(),
                passkey.backupEligible(),
                passkey.backedUp(),
                passkey.signCount(),
                credentialData(passkey.credentialData()),
                null,
                null,
                null,
                null);
        // No allow list: the options offered every discoverable credential, and the caller found this one by id.
        call(
                "verification_failed",
                () -> library()
                        .manager()
                        .verify(
                                data,
                                new AuthenticationParameters(
                                        serverProperty(party, challenge),
                                        record,
                                        null,
                                        USER_VERIFICATION_REQUIRED,
                                        USER_PRESENCE_REQUIRED)));
    }

    /** The challenge the browser signed, base64url as it was issued; null when the client data has none. */
    public static String challengeOf(CollectedClientData clientData) {
        return clientData == null || clientData.getChallenge() == null
                ? null
                : Base64UrlUtil.encodeToString(clientData.getChallenge().getValue());
    }

    public byte[] serialize(AttestedCredentialData credentialData) {
        return library().credentialData().convert(credentialData);
    }

    private AttestedCredentialData credentialData(byte[] serialized) {
        return call(
                "stored_credential_unreadable", () -> library().credentialData().convert(serialized));
    }

    private Library library() {
        Library current = library;
        if (current == null) {
            synchronized (this) {
                if (library == null) {
                    library = Library.create();
                }
                current = library;
            }
        }
        return current;
    }

    private static ServerProperty serverProperty(RelyingParty party, String challenge) {
        return ServerProperty.builder()
                .origins(party.origins().stream().map(Origin::create).collect(Collectors.toSet()))
                .rpId(party.id())
                .challenge(new DefaultChallenge(Base64UrlUtil.decode(challenge)))
                .build();
    }

    /**
     * Runs a webauthn4j call. The library answers bad input with its own exceptions and, for some
     * shapes, with plain runtime exceptions (a missing member is a NullPointerException), so any
     * runtime exception here is a rejected response; no storage is touched inside.
     */
    private static <T> T call(String reason, Supplier<T> call) {
        try {
            return call.get();
        } catch (VerificationException e) {
            throw new PasskeyRejectedException(reasonOf(e));
        } catch (RuntimeException e) {
            throw new PasskeyRejectedException(reason);
        }
    }

    /** BadSignatureException → bad_signature. */
    private static String reasonOf(VerificationException e) {
        String name = e.getClass().getSimpleName().replaceFirst("Exception$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
