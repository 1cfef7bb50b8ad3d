package io.aether.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
public class AuthController {
    private final AuthService auth;
    private final OwnerAccount owner;
    private final OwnerFacts facts;

    public AuthController(AuthService auth, OwnerAccount owner, OwnerFacts facts) {
        this.auth = auth;
        this.owner = owner;
        this.facts = facts;
    }

    @GetMapping("/setup-status")
    @SecurityRequirements
    @Operation(summary = "Whether first-time setup has been completed (public)")
    public AuthResponses.SetupStatus setupStatus() {
        return new AuthResponses.SetupStatus(owner.setUp());
    }

    @PostMapping("/setup")
    @SecurityRequirements
    @Operation(
            summary = "First-time setup: verify Home Assistant, store its URL and encrypted token and the "
                    + "password hash, start a session (public, one-shot: 409 afterwards)")
    public AuthResponses.Setup setup(
            @Valid @RequestBody AuthRequests.Setup body, HttpServletRequest request, HttpServletResponse response) {
        return auth.setup(body, request, response);
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Password sign-in: the stored hash, else AETHER_AUTH_PASSWORD (public)")
    public AuthResponses.Login login(
            @Valid @RequestBody AuthRequests.Login body, HttpServletRequest request, HttpServletResponse response) {
        return auth.login(body, request, response);
    }

    @PostMapping("/login/ha-token")
    @SecurityRequirements
    @Operation(
            summary = "Sign in with a Home Assistant long-lived access token, checked against the stored "
                    + "Home Assistant (public)")
    public AuthResponses.Login loginWithHomeAssistantToken(
            @Valid @RequestBody AuthRequests.HaTokenLogin body,
            HttpServletRequest request,
            HttpServletResponse response) {
        return auth.loginWithHomeAssistantToken(body, request, response);
    }

    @PostMapping("/logout")
    @Operation(summary = "End this session everywhere (its token is refused from now on) and clear the cookie")
    public AuthResponses.Logout logout(HttpServletRequest request, HttpServletResponse response) {
        return auth.logout(request, response);
    }

    @GetMapping("/me")
    @Operation(summary = "Who is signed in and how")
    public AuthResponses.Me me() {
        AetherAuthentication caller = AetherAuthentication.current();
        OwnerFacts.Profile profile = facts.profile();
        return new AuthResponses.Me(
                true,
                caller.username(),
                caller.method(),
                facts.hasPasskeys(),
                profile.displayName(),
                profile.email(),
                profile.avatarUrl());
    }

    @PostMapping("/password")
    @Operation(summary = "Change the password; every other session ends (needs a session, not an API key)")
    public AuthResponses.Login changePassword(
            @Valid @RequestBody AuthRequests.ChangePassword body,
            HttpServletRequest request,
            HttpServletResponse response) {
        return auth.changePassword(body, request, response);
    }
}
