package io.aether.api.security.google;

import io.aether.api.security.AuthResponses;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1/auth/google")
@Tag(name = "Authentication")
public class GoogleSignInController {
    private final GoogleSignIn google;

    public GoogleSignInController(GoogleSignIn google) {
        this.google = google;
    }

    @GetMapping("/url")
    @Operation(
            summary = "Google authorization URL with a fresh single-use nonce (501 when Google sign-in is "
                    + "not configured)")
    public GoogleUrlResponse url(HttpServletRequest request) {
        return google.authorizationUrl(request);
    }

    @PostMapping("/callback")
    @Operation(
            summary = "Verify the Google ID token, link the account to the owner and start a new session "
                    + "(needs a session, not an API key; 403 when another Google account is linked)")
    public AuthResponses.Login callback(
            @Valid @RequestBody GoogleCallbackRequest body, HttpServletRequest request, HttpServletResponse response) {
        return google.callback(body, request, response);
    }
}
