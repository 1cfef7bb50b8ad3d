package io.aether.api.security;

import io.aether.domain.actor.Actor;
import io.aether.domain.security.AuditContext;
import io.aether.domain.security.SecurityCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records security events on the security principal's stream: who (the principal, and what the
 * request claimed as a label), from where (client address, user agent) — the event store adds the
 * time. Callers never pass secrets.
 */
@Component
public class AuditTrail {
    /** Sign-ins on two nodes at once append to the same stream: one of them goes again. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;

    public AuditTrail(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command built from this request's audit context and waits until it is stored. */
    public void record(HttpServletRequest request, Actor actor, Function<AuditContext, SecurityCommand> command) {
        record(request, actor, null, command);
    }

    /** As above, with a label: what the request claimed (a refused sign-in's user name), capped. */
    public void record(
            HttpServletRequest request, Actor actor, String label, Function<AuditContext, SecurityCommand> command) {
        SecurityCommand message = command.apply(context(request, actor, label));
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(message);
                return;
            } catch (RuntimeException e) {
                // Inside a caller's transaction the failed insert has spoilt it: only the caller can retry.
                boolean retryable = concurrencyConflict(e)
                        && attempt < ATTEMPTS
                        && !TransactionSynchronizationManager.isActualTransactionActive();
                if (!retryable) {
                    throw e;
                }
            }
        }
    }

    public static AuditContext context(HttpServletRequest request, Actor actor, String label) {
        return new AuditContext(actor, label, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    private static boolean concurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
