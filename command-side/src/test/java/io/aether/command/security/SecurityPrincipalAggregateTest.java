package io.aether.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aether.domain.actor.Actor;
import io.aether.domain.security.ApiKeyIssued;
import io.aether.domain.security.ApiKeyNotFoundException;
import io.aether.domain.security.ApiKeyRevoked;
import io.aether.domain.security.AuditContext;
import io.aether.domain.security.ChangePassword;
import io.aether.domain.security.CompleteSetup;
import io.aether.domain.security.IssueApiKey;
import io.aether.domain.security.LoggedOut;
import io.aether.domain.security.LoginFailed;
import io.aether.domain.security.LoginSucceeded;
import io.aether.domain.security.PasskeyNotFoundException;
import io.aether.domain.security.PasskeyRegistered;
import io.aether.domain.security.PasskeyRemoved;
import io.aether.domain.security.PasswordChanged;
import io.aether.domain.security.RecordLoginFailed;
import io.aether.domain.security.RecordLoginSucceeded;
import io.aether.domain.security.RecordLogout;
import io.aether.domain.security.RegisterPasskey;
import io.aether.domain.security.RemovePasskey;
import io.aether.domain.security.RevokeApiKey;
import io.aether.domain.security.SecurityPrincipal;
import io.aether.domain.security.SetupAlreadyCompletedException;
import io.aether.domain.security.SetupCompleted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecurityPrincipalAggregateTest {

    private static final String ID = SecurityPrincipal.ID;
    private static final AuditContext OWNER = new AuditContext(Actor.user("owner"), null, "192.0.2.10", "Mozilla/5.0");
    private static final AuditContext ANONYMOUS = new AuditContext(Actor.anonymous(), "mallory", "198.51.100.7", null);
    private static final String HA_URL = "http://homeassistant.local:8123";

    private static final SetupCompleted SET_UP = new SetupCompleted(ID, HA_URL, true, OWNER);
    private static final ApiKeyIssued KEY_ISSUED = new ApiKeyIssued(ID, "key-1", "backup script", "aeth_3f9a", OWNER);
    private static final ApiKeyRevoked KEY_REVOKED = new ApiKeyRevoked(ID, "key-1", OWNER);
    private static final PasskeyRegistered PASSKEY_REGISTERED = new PasskeyRegistered(ID, "pk-1", "Phone", OWNER);
    private static final PasskeyRemoved PASSKEY_REMOVED = new PasskeyRemoved(ID, "pk-1", OWNER);

    private AggregateTestFixture<SecurityPrincipalAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SecurityPrincipalAggregate.class);
    }

    // ---- setup ----

    @Test
    void setupCreatesThePrincipal() {
        fixture.givenNoPriorActivity()
                .when(new CompleteSetup(ID, HA_URL, true, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SET_UP);
    }

    @Test
    void setupAfterLoginAttemptsBeforeSetup() {
        fixture.given(new LoginFailed(ID, "password", "admin", "invalid_credentials", ANONYMOUS))
                .when(new CompleteSetup(ID, HA_URL, false, OWNER))
                .expectEvents(new SetupCompleted(ID, HA_URL, false, OWNER));
    }

    @Test
    void setupTwiceIsRefused() {
        fixture.given(SET_UP)
                .when(new CompleteSetup(ID, HA_URL, true, OWNER))
                .expectException(SetupAlreadyCompletedException.class)
                .expectExceptionMessage("Setup has already been completed")
                .expectNoEvents();
    }

    @Test
    void setupStaysCompletedAfterLaterEvents() {
        fixture.given(SET_UP, new PasswordChanged(ID, OWNER), new LoggedOut(ID, "jti-1", OWNER))
                .when(new CompleteSetup(ID, HA_URL, true, OWNER))
                .expectException(SetupAlreadyCompletedException.class)
                .expectNoEvents();
    }

    // ---- password, logins, logouts ----

    @Test
    void changePassword() {
        fixture.given(SET_UP).when(new ChangePassword(ID, OWNER)).expectEvents(new PasswordChanged(ID, OWNER));
    }

    @Test
    void loginSucceeded() {
        fixture.given(SET_UP)
                .when(new RecordLoginSucceeded(ID, "passkey", "jti-1", OWNER))
                .expectEvents(new LoginSucceeded(ID, "passkey", "jti-1", OWNER));
    }

    /** A login with the password from the environment happens before any setup. */
    @Test
    void loginSucceededBeforeSetupCreatesThePrincipal() {
        fixture.givenNoPriorActivity()
                .when(new RecordLoginSucceeded(ID, "password", "jti-1", OWNER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LoginSucceeded(ID, "password", "jti-1", OWNER));
    }

    @Test
    void loginFailedBeforeSetupCreatesThePrincipal() {
        fixture.givenNoPriorActivity()
                .when(new RecordLoginFailed(ID, "password", "admin", "invalid_credentials", ANONYMOUS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LoginFailed(ID, "password", "admin", "invalid_credentials", ANONYMOUS));
    }

    @Test
    void loginFailedAfterSetup() {
        fixture.given(SET_UP)
                .when(new RecordLoginFailed(ID, "ha_token", null, "ha_rejected_token", ANONYMOUS))
                .expectEvents(new LoginFailed(ID, "ha_token", null, "ha_rejected_token", ANONYMOUS));
    }

    @Test
    void logout() {
        fixture.given(SET_UP, new LoginSucceeded(ID, "google", "jti-1", OWNER))
                .when(new RecordLogout(ID, "jti-1", OWNER))
                .expectEvents(new LoggedOut(ID, "jti-1", OWNER));
    }

    // ---- API keys ----

    @Test
    void issueApiKey() {
        fixture.given(SET_UP)
                .when(new IssueApiKey(ID, "key-1", "backup script", "aeth_3f9a", OWNER))
                .expectEvents(KEY_ISSUED);
    }

    @Test
    void issueASecondApiKey() {
        fixture.given(SET_UP, KEY_ISSUED)
                .when(new IssueApiKey(ID, "key-2", "grafana", "aeth_77c1", OWNER))
                .expectEvents(new ApiKeyIssued(ID, "key-2", "grafana", "aeth_77c1", OWNER));
    }

    @Test
    void issueTheSameKeyIdTwiceIsRefused() {
        fixture.given(SET_UP, KEY_ISSUED)
                .when(new IssueApiKey(ID, "key-1", "again", "aeth_0000", OWNER))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("API key id already issued: key-1")
                .expectNoEvents();
    }

    @Test
    void reissuingARevokedKeyIdIsRefused() {
        fixture.given(SET_UP, KEY_ISSUED, KEY_REVOKED)
                .when(new IssueApiKey(ID, "key-1", "again", "aeth_0000", OWNER))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void revokeApiKey() {
        fixture.given(SET_UP, KEY_ISSUED)
                .when(new RevokeApiKey(ID, "key-1", OWNER))
                .expectEvents(KEY_REVOKED);
    }

    @Test
    void revokeTwiceIsRefused() {
        fixture.given(SET_UP, KEY_ISSUED, KEY_REVOKED)
                .when(new RevokeApiKey(ID, "key-1", OWNER))
                .expectException(ApiKeyNotFoundException.class)
                .expectExceptionMessage("API key not found: key-1")
                .expectNoEvents();
    }

    @Test
    void revokeUnknownKeyIsRefused() {
        fixture.given(SET_UP, KEY_ISSUED)
                .when(new RevokeApiKey(ID, "key-404", OWNER))
                .expectException(ApiKeyNotFoundException.class)
                .expectExceptionMessage("API key not found: key-404")
                .expectNoEvents();
    }

    @Test
    void revokeBeforeAnythingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RevokeApiKey(ID, "key-1", OWNER))
                .expectException(ApiKeyNotFoundException.class)
                .expectNoEvents();
    }

    // ---- passkeys ----

    @Test
    void registerPasskey() {
        fixture.given(SET_UP)
                .when(new RegisterPasskey(ID, "pk-1", "Phone", OWNER))
                .expectEvents(PASSKEY_REGISTERED);
    }

    @Test
    void registerTheSamePasskeyTwiceIsRefused() {
        fixture.given(SET_UP, PASSKEY_REGISTERED)
                .when(new RegisterPasskey(ID, "pk-1", "Laptop", OWNER))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("Passkey id already registered: pk-1")
                .expectNoEvents();
    }

    @Test
    void reregisteringARemovedPasskeyIdIsRefused() {
        fixture.given(SET_UP, PASSKEY_REGISTERED, PASSKEY_REMOVED)
                .when(new RegisterPasskey(ID, "pk-1", "Phone", OWNER))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void removePasskey() {
        fixture.given(SET_UP, PASSKEY_REGISTERED)
                .when(new RemovePasskey(ID, "pk-1", OWNER))
                .expectEvents(PASSKEY_REMOVED);
    }

    @Test
    void removePasskeyTwiceIsRefused() {
        fixture.given(SET_UP, PASSKEY_REGISTERED, PASSKEY_REMOVED)
                .when(new RemovePasskey(ID, "pk-1", OWNER))
                .expectException(PasskeyNotFoundException.class)
                .expectExceptionMessage("Passkey not found: pk-1")
                .expectNoEvents();
    }

    @Test
    void removeUnknownPasskeyIsRefused() {
        fixture.given(SET_UP, PASSKEY_REGISTERED)
                .when(new RemovePasskey(ID, "pk-404", OWNER))
                .expectException(PasskeyNotFoundException.class)
                .expectExceptionMessage("Passkey not found: pk-404")
                .expectNoEvents();
    }

    /** Key ids and passkey ids are separate namespaces. */
    @Test
    void aKeyIdIsNotAPasskeyId() {
        fixture.given(SET_UP, KEY_ISSUED)
                .when(new RemovePasskey(ID, "key-1", OWNER))
                .expectException(PasskeyNotFoundException.class)
                .expectNoEvents();
    }

    // ---- audit context ----

    /** User agent and label (the claimed user name) come from the request, so the stored audit is capped. */
    @Test
    void auditContextCapsAttackerControlledFields() {
        AuditContext audit = new AuditContext(Actor.anonymous(), "a".repeat(500), null, "u".repeat(5000));

        assertThat(audit.label()).hasSize(100);
        assertThat(audit.actor()).isEqualTo(Actor.anonymous());
        assertThat(audit.userAgent()).hasSize(512);
        assertThat(audit.clientAddress()).isNull();
        assertThat(new AuditContext(Actor.user("owner"), null, null, null).userAgent())
                .isNull();
        fixture.givenNoPriorActivity()
                .when(new RecordLoginFailed(ID, "password", "x", "invalid_credentials", audit))
                .expectEvents(new LoginFailed(
                        ID,
                        "password",
                        "x",
                        "invalid_credentials",
                        new AuditContext(Actor.anonymous(), "a".repeat(100), null, "u".repeat(512))));
    }

    @Test
    void auditContextNeverSplitsASurrogatePair() {
        String agent = "u".repeat(511) + "\uD83D\uDE00"; // an emoji straddling the 512-char cap

        assertThat(new AuditContext(Actor.user("owner"), null, null, agent).userAgent())
                .isEqualTo("u".repeat(511));
    }
}
