package io.aether.api.security.passkey;

import io.aether.api.security.AuthResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** WebAuthn passkeys: register (signed in), sign in (public), list, remove. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
public class PasskeyController {
    private final PasskeyRegistration registration;
    private final PasskeySignIn signIn;
    private final PasskeyManagement management;

    public PasskeyController(PasskeyRegistration registration, PasskeySignIn signIn, PasskeyManagement management) {
        this.registration = registration;
        this.signIn = signIn;
        this.management = management;
    }

    @PostMapping("/passkey/register/options")
    @Operation(
            summary = "Options for navigator.credentials.create(): a discoverable credential for the owner "
                    + "(needs a session, not an API key)")
    public PasskeyOptions.Creation registerOptions(HttpServletRequest request) {
        return registration.options(request);
    }

    @PostMapping("/passkey/register/verify")
    @Operation(summary = "Verify the browser's registration response and store the passkey (needs a session)")
    public PasskeyResponses.PasskeyInfo registerVerify(
            @Valid @RequestBody PasskeyRequests.RegisterVerify body, HttpServletRequest request) {
        return registration.verify(body, request);
    }

    @PostMapping("/passkey/authenticate/options")
    @SecurityRequirements
    @Operation(summary = "Options for navigator.credentials.get() with discoverable credentials (public)")
    public PasskeyOptions.Request authenticateOptions(HttpServletRequest request) {
        return signIn.options(request);
    }

    @PostMapping("/passkey/authenticate/verify")
    @SecurityRequirements
    @Operation(summary = "Verify the browser's assertion and start a session (public; each challenge works once)")
    public AuthResponses.Login authenticateVerify(
            @Valid @RequestBody PasskeyRequests.AuthenticateVerify body,
            HttpServletRequest request,
            HttpServletResponse response) {
        return signIn.verify(body, request, response);
    }

    @GetMapping("/passkeys")
    @Operation(summary = "Registered passkeys, oldest first")
    public PasskeyResponses.PasskeyList list() {
        return management.list();
    }

    @DeleteMapping("/passkeys/{id}")
    @Operation(summary = "Remove a passkey (needs a session, not an API key)")
    public PasskeyResponses.PasskeyDeleted delete(@PathVariable UUID id, HttpServletRequest request) {
        return management.delete(id, request);
    }
}
