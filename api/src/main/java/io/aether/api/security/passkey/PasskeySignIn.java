package io.aether.api.security.passkey;

import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.util.Base64UrlUtil;
import io.aether.api.platform.error.ApiException;
import io.aether.api.security.AuthChallenges;
import io.aether.api.security.AuthProperties;
import io.aether.api.security.AuthResponses;
import io.aether.api.security.SignIn;
import io.aether.domain.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/**
 * Signing in with a passkey (public): options with a stored challenge and an empty allow list
 * (discoverable credentials), then the browser's assertion. The challenge is taken before the
 * signature is checked, so an assertion works once: a replayed one finds no challenge. Every
 * failure is the same 401 to the caller and a LoginFailed event with the reason.
 */
@Service
public class PasskeySignIn {
    static final String PURPOSE = "passkey-authenticate";
    static final String METHOD = "passkey";
    private final AuthChallenges challenges;
    private final RelyingParties relyingParties;
    private final OwnerUserHandle userHandle;
    private final PasskeyStore store;
    private final WebAuthn webAuthn;
    private final SignIn signIn;
    private final AuthProperties.Passkey settings;
    private final Clock clock;

    public PasskeySignIn(
            AuthChallenges challenges,
            RelyingParties relyingParties,
            OwnerUserHandle userHandle,
            PasskeyStore store,
            WebAuthn webAuthn,
            SignIn signIn,
            AuthProperties properties,
            Clock clock) {
        this.challenges = challenges;
        this.relyingParties = relyingParties;
        this.userHandle = userHandle;
        this.store = store;
        this.webAuthn = webAuthn;
        this.signIn = signIn;
        this.settings = properties.passkey();
        this.clock = clock;
    }

    public PasskeyOptions.Request options(HttpServletRequest request) {
        String challenge = challenges.issue(PURPOSE, null, settings.challengeTtl());
        return PasskeyOptions.request(challenge, relyingParties.of(request), settings.challengeTtl());
    }

    public AuthResponses.Login verify(
            PasskeyRequests.AuthenticateVerify body, HttpServletRequest request, HttpServletResponse response) {
        try {
            verifyAssertion(body, request);
        } catch (PasskeyRejectedException e) {
            signIn.failed(request, METHOD, null, e.reason());
            throw new ApiException(ErrorKind.UNAUTHORIZED, "Passkey sign-in failed");
        }
        return signIn.succeeded(request, response, METHOD, "Login successful");
    }

    private void verifyAssertion(PasskeyRequests.AuthenticateVerify body, HttpServletRequest request) {
        AuthenticationData data = webAuthn.parseAuthentication(body.credential());
        String challenge = WebAuthn.challengeOf(data.getCollectedClientData());
        challenges.consume(PURPOSE, challenge).orElseThrow(() -> new PasskeyRejectedException("unknown_challenge"));
        if (data.getCredentialId() == null) {
            throw new PasskeyRejectedException("malformed_credential");
        }
        String credentialId = Base64UrlUtil.encodeToString(data.getCredentialId());
        PasskeyStore.StoredPasskey passkey = store.findByCredentialId(credentialId)
                .orElseThrow(() -> new PasskeyRejectedException("unknown_credential"));
        // A discoverable credential names its user; it must be the owner's handle it was made for.
        if (data.getUserHandle() != null
                && data.getUserHandle().length > 0
                && !MessageDigest.isEqual(data.getUserHandle(), userHandle.value())) {
            throw new PasskeyRejectedException("user_handle_mismatch");
        }
        webAuthn.verifyAuthentication(data, relyingParties.of(request), challenge, passkey);
        if (!store.recordUse(
                passkey.id(),
                data.getAuthenticatorData().getSignCount(),
                data.getAuthenticatorData().isFlagBS(),
                clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            throw new PasskeyRejectedException("counter_not_increased");
        }
    }
}
