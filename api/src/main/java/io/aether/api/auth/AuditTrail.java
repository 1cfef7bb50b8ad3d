package io.aether.api.auth;

import io.aether.domain.security.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Records security events on the security principal's stream: who (actor), from where (client
 * address, user agent) — the event store adds the time. Callers never pass secrets.
 */
@Component
public class AuditTrail {
    private final CommandGateway commands;

    public AuditTrail(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command built from this request's audit context and waits until it is stored. */
    public void record(HttpServletRequest request, String actor, Function<AuditContext, Object> command) {
        commands.sendAndWait(command.apply(context(request, actor)));
    }

    public static AuditContext context(HttpServletRequest request, String actor) {
        return new AuditContext(actor, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
