package io.aether.api.security;

import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.homeassistant.HomeAssistantVerification;
import io.aether.api.homeassistant.HomeAssistantZones;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import io.aether.domain.actor.Actor;
import io.aether.domain.security.ChangePassword;
import io.aether.domain.security.CompleteSetup;
import io.aether.domain.security.RecordLogout;
import io.aether.domain.security.RecordZoneChange;
import io.aether.domain.security.SecurityPrincipal;
import io.aether.homeassistant.HomeAssistantException;
import io.aether.homeassistant.HomeAssistantSettings;
import io.aether.homeassistant.HomeAssistantUrlPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** First-time setup, password and Home Assistant token sign-in, password change, sign-out. */
@Service
public class AuthService {
    static final String INVALID_LOGIN = "Invalid username or password";
    private final OwnerAccount owner;
    private final HomeAssistantConnection homeAssistant;
    private final HomeAssistantZones zones;
    private final HomeAssistantVerification verification;
    private final PasswordEncoder passwords;
    private final SessionTokens sessions;
    private final SessionCookies cookies;
    private final SignIn signIn;
    private final AuditTrail audit;
    private final AuthProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AuthService(
            OwnerAccount owner,
            HomeAssistantConnection homeAssistant,
            HomeAssistantZones zones,
            HomeAssistantVerification verification,
            PasswordEncoder passwords,
            SessionTokens sessions,
            SessionCookies cookies,
            SignIn signIn,
            AuditTrail audit,
            AuthProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.owner = owner;
        this.homeAssistant = homeAssistant;
        this.zones = zones;
        this.verification = verification;
        this.passwords = passwords;
        this.sessions = sessions;
        this.cookies = cookies;
        this.signIn = signIn;
        this.audit = audit;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    public AuthResponses.Setup setup(
            AuthRequests.Setup body, HttpServletRequest request, HttpServletResponse response) {
        String haUrl;
        try {
            haUrl = HomeAssistantUrlPolicy.check(body.haUrl());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
        if (owner.setUp()) {
            throw alreadySetUp();
        }
        verification.verify(haUrl, body.haToken().strip());
        String hash = body.password() == null ? null : passwords.encode(body.password());
        // The stored setup and its event commit together, or neither does.
        transaction.executeWithoutResult(status -> {
            if (!owner.completeSetup(haUrl, body.haToken().strip(), hash, clock.instant())) {
                throw alreadySetUp();
            }
            audit.record(
                    request,
                    Actor.user(properties.username()),
                    context -> new CompleteSetup(SecurityPrincipal.ID, haUrl, hash != null, context));
            // The Home Assistant just verified becomes the "Home" zone, the default one.
            HomeAssistantZones.Zone home = zones.create(new HomeAssistantZones.NewZone(
                    "Home", haUrl, null, body.haToken().strip(), true, null, null, null, "auto"));
            audit.record(
                    request,
                    Actor.user(properties.username()),
                    context -> new RecordZoneChange(
                            SecurityPrincipal.ID, home.id().toString(), home.name(), "created", List.of(), context));
        });
        SessionTokens.IssuedSession session = signIn.sessionAfterSetup(request, response);
        return new AuthResponses.Setup(session.token(), "Setup complete");
    }

    public AuthResponses.Login login(
            AuthRequests.Login body, HttpServletRequest request, HttpServletResponse response) {
        String storedHash =
                owner.setup().map(OwnerAccount.StoredSetup::passwordHash).orElse(null);
        if (storedHash == null && !properties.hasFallbackPassword()) {
            throw new ApiException(
                    ErrorKind.NOT_CONFIGURED,
                    "Password sign-in is not configured: complete setup with a password or set AETHER_AUTH_PASSWORD");
        }
        // The hash is checked even for a wrong user name, so timing does not tell which was wrong.
        boolean passwordMatches = storedHash != null
                ? passwords.matches(body.password(), storedHash)
                : constantTimeEquals(body.password(), properties.password());
        boolean fallbackMatches = storedHash != null
                && !passwordMatches
                && properties.hasFallbackPassword()
                && constantTimeEquals(body.password(), properties.password());
        if (!properties.username().equals(body.username()) || !(passwordMatches || fallbackMatches)) {
            signIn.failed(request, "password", body.username(), "invalid_credentials");
            throw unauthorized(INVALID_LOGIN);
        }
        return signIn.succeeded(request, response, "password", "Login successful");
    }

    public AuthResponses.Login loginWithHomeAssistantToken(
            AuthRequests.HaTokenLogin body, HttpServletRequest request, HttpServletResponse response) {
        HomeAssistantSettings stored = homeAssistant.settings();
        if (!stored.configured()) {
            throw new ApiException(ErrorKind.NOT_CONFIGURED, "Home Assistant is not configured: complete setup first");
        }
        try {
            homeAssistant.clientFor(stored.baseUrl(), body.haToken().strip()).apiStatus();
        } catch (HomeAssistantException e) {
            if (e.kind() == HomeAssistantException.Kind.UNAUTHORIZED) {
                signIn.failed(request, "ha_token", null, "invalid_credentials");
                throw unauthorized("Home Assistant did not accept this token");
            }
            throw new ApiException(
                    ErrorKind.UPSTREAM,
                    "home_assistant_error",
                    "Home Assistant could not check the token: " + HomeAssistantVerification.describe(e));
        }
        return signIn.succeeded(request, response, "ha_token", "Login successful");
    }

    public AuthResponses.Login changePassword(
            AuthRequests.ChangePassword body, HttpServletRequest request, HttpServletResponse response) {
        AetherAuthentication caller = SessionRequired.of(AetherAuthentication.current());
        OwnerAccount.StoredSetup setup = owner.setup()
                .orElseThrow(() ->
                        new ApiException(ErrorKind.CONFLICT, "Complete first-time setup before changing the password"));
        boolean current = setup.passwordHash() != null
                ? passwords.matches(body.currentPassword(), setup.passwordHash())
                : properties.hasFallbackPassword() && constantTimeEquals(body.currentPassword(), properties.password());
        if (!current) {
            throw new ApiException(ErrorKind.FORBIDDEN, "The current password is not correct");
        }
        String hash = passwords.encode(body.newPassword());
        transaction.executeWithoutResult(status -> {
            owner.changePassword(hash);
            audit.record(request, caller.actor(), context -> new ChangePassword(SecurityPrincipal.ID, context));
        });
        // Every earlier session is void now; the caller continues in a new one.
        return signIn.succeeded(request, response, "password", "Password changed");
    }

    public AuthResponses.Logout logout(HttpServletRequest request, HttpServletResponse response) {
        AetherAuthentication caller = AetherAuthentication.current();
        SessionTokens.Session session = caller.session();
        if (session != null) {
            sessions.revoke(session);
        }
        cookies.clear(request, response);
        audit.record(
                request,
                caller.actor(),
                context -> new RecordLogout(SecurityPrincipal.ID, session == null ? null : session.id(), context));
        return new AuthResponses.Logout("Logged out");
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException alreadySetUp() {
        return new ApiException(ErrorKind.CONFLICT, "Setup has already been completed");
    }

    static ApiException unauthorized(String message) {
        return new ApiException(ErrorKind.UNAUTHORIZED, message);
    }
}
