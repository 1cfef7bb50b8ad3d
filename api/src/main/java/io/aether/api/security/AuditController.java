package io.aether.api.security;

import io.aether.domain.security.query.GetSecurityAudit;
import io.aether.domain.security.query.SecurityAuditPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The security audit trail: the security principal's events, newest first. */
@RestController
@RequestMapping("/api/v1/auth/audit")
@Tag(name = "Authentication")
@Validated
public class AuditController {
    private final QueryGateway queries;

    public AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(
            summary = "Security events (setup, sign-ins and failures, sign-outs, password, API keys, "
                    + "passkeys) with actor, client address, user agent and time; never a secret")
    public SecurityAuditPage audit(
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return queries.query(new GetSecurityAudit(limit, offset), SecurityAuditPage.class)
                .join();
    }
}
