package io.aether.command.security;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.security.ApiKeyIssued;
import io.aether.domain.security.ApiKeyNotFoundException;
import io.aether.domain.security.ApiKeyRevoked;
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
import io.aether.domain.security.RecordZoneChange;
import io.aether.domain.security.RegisterPasskey;
import io.aether.domain.security.RemovePasskey;
import io.aether.domain.security.RevokeApiKey;
import io.aether.domain.security.SecurityEvent;
import io.aether.domain.security.SetupAlreadyCompletedException;
import io.aether.domain.security.SetupCompleted;
import io.aether.domain.security.ZoneChanged;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The security principal (the single owner, {@code SecurityPrincipal.ID}): its events are the
 * audit trail of authentication. Every handler creates the aggregate if missing, because login
 * attempts (failed ones, or with the password from the environment) happen before setup. It
 * guards only what must not happen twice; an illegal command throws and appends nothing.
 */
@Aggregate(cache = SecurityPrincipalAggregate.CACHE)
public class SecurityPrincipalAggregate {

    /** Kept loaded between commands: every sign-in appends to this one stream, which only grows. */
    public static final String CACHE = "securityPrincipalCache";

    @AggregateIdentifier
    private String principalId;

    private boolean setUp;
    private final Set<String> activeKeyIds = new HashSet<>();
    private final Set<String> activePasskeyIds = new HashSet<>();
    /** Every id ever used, revoked/removed ones included: an id names one key or passkey in the audit trail. */
    private final Set<String> usedKeyIds = new HashSet<>();

    private final Set<String> usedPasskeyIds = new HashSet<>();

    protected SecurityPrincipalAggregate() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CompleteSetup command) {
        if (setUp) {
            throw new SetupAlreadyCompletedException();
        }
        apply(new SetupCompleted(command.principalId(), command.haUrl(), command.passwordSet(), command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangePassword command) {
        apply(new PasswordChanged(command.principalId(), command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLoginSucceeded command) {
        apply(new LoginSucceeded(command.principalId(), command.method(), command.sessionId(), command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLoginFailed command) {
        apply(new LoginFailed(
                command.principalId(),
                command.method(),
                command.attemptedUsername(),
                command.reason(),
                command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLogout command) {
        apply(new LoggedOut(command.principalId(), command.sessionId(), command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IssueApiKey command) {
        if (usedKeyIds.contains(command.keyId())) {
            throw new IllegalArgumentException("API key id already issued: " + command.keyId());
        }
        apply(new ApiKeyIssued(
                command.principalId(), command.keyId(), command.name(), command.prefix(), command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RevokeApiKey command) {
        if (!activeKeyIds.contains(command.keyId())) {
            throw new ApiKeyNotFoundException(command.keyId());
        }
        apply(new ApiKeyRevoked(command.principalId(), command.keyId(), command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordZoneChange command) {
        apply(new ZoneChanged(
                command.principalId(),
                command.zoneId(),
                command.zoneName(),
                command.change(),
                command.fields(),
                command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterPasskey command) {
        if (usedPasskeyIds.contains(command.passkeyId())) {
            throw new IllegalArgumentException("Passkey id already registered: " + command.passkeyId());
        }
        apply(new PasskeyRegistered(command.principalId(), command.passkeyId(), command.deviceName(), command.audit()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemovePasskey command) {
        if (!activePasskeyIds.contains(command.passkeyId())) {
            throw new PasskeyNotFoundException(command.passkeyId());
        }
        apply(new PasskeyRemoved(command.principalId(), command.passkeyId(), command.audit()));
    }

    // ---- state ----

    /**
     * The one event sourcing handler: Axon invokes only the most specific handler per event, so
     * setting the identifier here (CREATE_IF_MISSING starts the aggregate without a creation
     * event of its own) and the per-event state in separate handlers would skip one of them.
     */
    @EventSourcingHandler
    void on(SecurityEvent event) {
        principalId = event.principalId();
        if (event instanceof SetupCompleted) {
            setUp = true;
        } else if (event instanceof ApiKeyIssued issued) {
            activeKeyIds.add(issued.keyId());
            usedKeyIds.add(issued.keyId());
        } else if (event instanceof ApiKeyRevoked revoked) {
            activeKeyIds.remove(revoked.keyId());
        } else if (event instanceof PasskeyRegistered registered) {
            activePasskeyIds.add(registered.passkeyId());
            usedPasskeyIds.add(registered.passkeyId());
        } else if (event instanceof PasskeyRemoved removed) {
            activePasskeyIds.remove(removed.passkeyId());
        }
    }
}
