package io.aether.api.security.passkey;

import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.util.Base64UrlUtil;
import io.aether.api.platform.error.ApiException;
import io.aether.api.security.AetherAuthentication;
import io.aether.api.security.AuditTrail;
import io.aether.api.security.AuthChallenges;
import io.aether.api.security.AuthProperties;
import io.aether.api.security.SessionRequired;
import io.aether.domain.ErrorKind;
import io.aether.domain.security.RegisterPasskey;
import io.aether.domain.security.SecurityPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adding a passkey, by a signed-in person (never an API key): options with a stored challenge,
 * then the browser's response, verified and stored together with its audit event.
 */
@Service
public class PasskeyRegistration {
    static final String PURPOSE = "passkey-register";
    private final AuthChallenges challenges;
    private final RelyingParties relyingParties;
    private final OwnerUserHandle userHandle;
    private final PasskeyStore store;
    private final WebAuthn webAuthn;
    private final AuditTrail audit;
    private final AuthProperties.Passkey settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PasskeyRegistration(
            AuthChallenges challenges,
            RelyingParties relyingParties,
            OwnerUserHandle userHandle,
            PasskeyStore store,
            WebAuthn webAuthn,
            AuditTrail audit,
            AuthProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.challenges = challenges;
        this.relyingParties = relyingParties;
        this.userHandle = userHandle;
        this.store = store;
        this.webAuthn = webAuthn;
        this.audit = audit;
        this.settings = properties.passkey();
        this.transaction = transaction;
        this.clock = clock;
    }

    public PasskeyOptions.Creation options(HttpServletRequest request) {
        AetherAuthentication caller = SessionRequired.current();
        String challenge = challenges.issue(PURPOSE, caller.username(), settings.challengeTtl());
        return PasskeyOptions.creation(
                challenge,
                relyingParties.of(request),
                userHandle.base64Url(),
                caller.username(),
                store.credentialIds(),
                settings.challengeTtl());
    }

    public PasskeyResponses.PasskeyInfo verify(PasskeyRequests.RegisterVerify body, HttpServletRequest request) {
        AetherAuthentication caller = SessionRequired.current();
        RegistrationData data;
        try {
            data = webAuthn.parseRegistration(body.credential());
        } catch (PasskeyRejectedException e) {
            throw notRegistered(e);
        }
        String challenge = WebAuthn.challengeOf(data.getCollectedClientData());
        // Issued to this owner for registration, not yet used, not expired; taken now so it works once.
        challenges
                .consume(PURPOSE, challenge)
                .filter(consumed -> caller.username().equals(consumed.subject()))
                .orElseThrow(() -> ApiException.badRequest(
                        "The registration challenge is unknown, used or expired: request new options"));
        try {
            webAuthn.verifyRegistration(data, relyingParties.of(request), challenge);
        } catch (PasskeyRejectedException e) {
            throw notRegistered(e);
        }
        PasskeyStore.StoredPasskey passkey = newPasskey(data, deviceName(body.deviceName()));
        try {
            transaction.executeWithoutResult(status -> {
                store.insert(passkey);
                audit.record(
                        request,
                        caller.actor(),
                        context -> new RegisterPasskey(
                                SecurityPrincipal.ID, passkey.id().toString(), passkey.deviceName(), context));
            });
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorKind.CONFLICT, "This passkey is already registered");
        }
        return PasskeyResponses.PasskeyInfo.of(passkey);
    }

    private PasskeyStore.StoredPasskey newPasskey(RegistrationData data, String deviceName) {
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticator.getAttestedCredentialData();
        return new PasskeyStore.StoredPasskey(
                UUID.randomUUID(),
                Base64UrlUtil.encodeToString(credential.getCredentialId()),
                webAuthn.serialize(credential),
                authenticator.getSignCount(),
                authenticator.isFlagUV(),
                authenticator.isFlagBE(),
                authenticator.isFlagBS(),
                deviceName,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null);
    }

    private static String deviceName(String given) {
        return given == null || given.isBlank() ? null : given.strip();
    }

    private static ApiException notRegistered(PasskeyRejectedException e) {
        return ApiException.badRequest("The passkey could not be registered: " + e.reason());
    }
}
