package io.aether.api.security.passkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.util.Base64UrlUtil;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * A WebAuthn authenticator in plain Java for the HTTP tests: one ES256 discoverable credential,
 * "none" attestation, user present and verified. It answers the server's options JSON with the
 * PublicKeyCredential JSON a browser's toJSON() would send; the browser test does the real thing.
 */
final class SoftwareAuthenticator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final byte FLAGS = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private byte[] userHandle;
    private long counter;

    SoftwareAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    String credentialId() {
        return Base64UrlUtil.encodeToString(credentialId);
    }

    /** The answer to register/options, as signed by this authenticator at {@code origin}. */
    ObjectNode register(JsonNode options, String origin) {
        userHandle = Base64UrlUtil.decode(options.get("user").get("id").asText());
        byte[] clientData =
                clientData("webauthn.create", options.get("challenge").asText(), origin);
        AttestedCredentialData credential = new AttestedCredentialData(
                AAGUID.ZERO,
                credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = new AuthenticatorData<>(
                sha256(options.get("rp").get("id").asText().getBytes(StandardCharsets.UTF_8)),
                (byte) (FLAGS | AuthenticatorData.BIT_AT),
                counter,
                credential);
        byte[] attestation = new AttestationObjectConverter(CONVERTER)
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", Base64UrlUtil.encodeToString(clientData))
                .put("attestationObject", Base64UrlUtil.encodeToString(attestation));
        response.putArray("transports").add("internal");
        return credentialJson(response);
    }

    /** An assertion over {@code challenge} for {@code rpId}; each one counts up as real authenticators do. */
    ObjectNode assertion(String challenge, String rpId, String origin) {
        counter++;
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER)
                .convert(new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(
                        sha256(rpId.getBytes(StandardCharsets.UTF_8)), FLAGS, counter));
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", Base64UrlUtil.encodeToString(clientData))
                .put("authenticatorData", Base64UrlUtil.encodeToString(authenticatorData))
                .put("signature", Base64UrlUtil.encodeToString(sign(authenticatorData, sha256(clientData))))
                .put("userHandle", Base64UrlUtil.encodeToString(userHandle));
        return credentialJson(response);
    }

    /** Makes the next assertions name another user than the one the credential was made for. */
    void claimUserHandle(byte[] other) {
        userHandle = other.clone();
    }

    /** Makes the next assertion reuse an old counter value, as a cloned authenticator would. */
    void rewindCounter() {
        counter = 0;
    }

    private ObjectNode credentialJson(ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode()
                .put("id", credentialId())
                .put("rawId", credentialId())
                .put("type", "public-key")
                .put("authenticatorAttachment", "platform");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        ObjectNode clientData = JSON.createObjectNode()
                .put("type", type)
                .put("challenge", challenge)
                .put("origin", origin)
                .put("crossOrigin", false);
        return clientData.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] authenticatorData, byte[] clientDataHash) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authenticatorData);
            signature.update(clientDataHash);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
