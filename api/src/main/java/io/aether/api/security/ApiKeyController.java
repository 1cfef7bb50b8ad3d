package io.aether.api.security;

import io.aether.domain.security.ApiKeyNotFoundException;
import io.aether.domain.security.IssueApiKey;
import io.aether.domain.security.RevokeApiKey;
import io.aether.domain.security.SecurityPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys for scripts and integrations: created (shown once), listed without secret, revoked. */
@RestController
@RequestMapping("/api/v1/auth/api-keys")
@Tag(name = "Authentication")
public class ApiKeyController {
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    public ApiKeyController(ApiKeys keys, AuditTrail audit, TransactionTemplate transaction) {
        this.keys = keys;
        this.audit = audit;
        this.transaction = transaction;
    }

    @PostMapping
    @Operation(summary = "Create an API key; the key is in this answer only (needs a session)")
    public ResponseEntity<AuthResponses.ApiKeyCreated> create(
            @Valid @RequestBody AuthRequests.CreateApiKey body, HttpServletRequest request) {
        AetherAuthentication caller = SessionRequired.current();
        ApiKeys.IssuedKey issued = transaction.execute(status -> {
            ApiKeys.IssuedKey key = keys.create(body.name().strip());
            audit.record(
                    request,
                    caller.actor(),
                    context -> new IssueApiKey(
                            SecurityPrincipal.ID,
                            key.key().id().toString(),
                            key.key().name(),
                            key.key().prefix(),
                            context));
            return key;
        });
        ApiKeys.ApiKey key = issued.key();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Cache-Control", "no-store")
                .body(new AuthResponses.ApiKeyCreated(
                        key.id(), key.name(), key.prefix(), issued.secret(), key.createdAt()));
    }

    @GetMapping
    @Operation(summary = "List API keys (never their secret), newest first, revoked ones included")
    public AuthResponses.ApiKeyList list() {
        return new AuthResponses.ApiKeyList(
                keys.list().stream().map(AuthResponses.ApiKeyInfo::of).toList());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key at once (needs a session)")
    public Map<String, Object> revoke(@PathVariable UUID id, HttpServletRequest request) {
        AetherAuthentication caller = SessionRequired.current();
        transaction.executeWithoutResult(status -> {
            if (!keys.revoke(id)) {
                throw new ApiKeyNotFoundException(id.toString());
            }
            audit.record(
                    request, caller.actor(), context -> new RevokeApiKey(SecurityPrincipal.ID, id.toString(), context));
        });
        return Map.of("id", id, "revoked", true);
    }
}
