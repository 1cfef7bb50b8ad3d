package io.aether.api.security.passkey;

import io.aether.api.security.AetherAuthentication;
import io.aether.api.security.AuditTrail;
import io.aether.api.security.SessionRequired;
import io.aether.domain.security.PasskeyNotFoundException;
import io.aether.domain.security.RemovePasskey;
import io.aether.domain.security.SecurityPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Listing the registered passkeys and removing one (removing needs a session, not an API key). */
@Service
public class PasskeyManagement {
    private final PasskeyStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    public PasskeyManagement(PasskeyStore store, AuditTrail audit, TransactionTemplate transaction) {
        this.store = store;
        this.audit = audit;
        this.transaction = transaction;
    }

    public PasskeyResponses.PasskeyList list() {
        return new PasskeyResponses.PasskeyList(
                store.list().stream().map(PasskeyResponses.PasskeyInfo::of).toList());
    }

    /** The row and its PasskeyRemoved event go together, or neither does. */
    public PasskeyResponses.PasskeyDeleted delete(UUID id, HttpServletRequest request) {
        AetherAuthentication caller = SessionRequired.current();
        transaction.executeWithoutResult(status -> {
            if (!store.delete(id)) {
                throw new PasskeyNotFoundException(id.toString());
            }
            audit.record(
                    request,
                    caller.actor(),
                    context -> new RemovePasskey(SecurityPrincipal.ID, id.toString(), context));
        });
        return new PasskeyResponses.PasskeyDeleted(id, true);
    }
}
