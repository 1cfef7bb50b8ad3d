package io.aether.api.security.google;

import io.aether.api.platform.config.AetherProperties;
import io.aether.api.platform.error.ApiException;
import io.aether.api.security.AetherAuthentication;
import io.aether.api.security.AuthChallenges;
import io.aether.api.security.AuthProperties;
import io.aether.api.security.AuthResponses;
import io.aether.api.security.SessionRequired;
import io.aether.api.security.SignIn;
import io.aether.domain.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Linking a Google account to the signed-in owner: the authorization URL (with a single-use
 * nonce kept in auth_challenge), then the ID token Google returned, checked locally, which links
 * the account (or signs in with the one already linked) and starts a new session.
 */
@Service
public class GoogleSignIn {
    static final String METHOD = "google";
    static final String NONCE_PURPOSE = "google-nonce";
    static final Duration NONCE_TTL = Duration.ofMinutes(10);
    static final String AUTHORIZATION_ENDPOINT = "https://accounts.google.com/o/oauth2/v2/auth";
    private final AuthProperties.Google google;
    private final String publicUrl;
    private final AuthChallenges challenges;
    private final GoogleIdTokens tokens;
    private final GoogleProfiles profiles;
    private final SignIn signIn;

    public GoogleSignIn(
            AuthProperties properties,
            AetherProperties aether,
            AuthChallenges challenges,
            GoogleIdTokens tokens,
            GoogleProfiles profiles,
            SignIn signIn) {
        this.google = properties.google();
        this.publicUrl = aether.publicUrl();
        this.challenges = challenges;
        this.tokens = tokens;
        this.profiles = profiles;
        this.signIn = signIn;
    }

    public GoogleUrlResponse authorizationUrl(HttpServletRequest request) {
        AetherAuthentication caller = AetherAuthentication.current();
        requireConfigured();
        String nonce = challenges.issue(NONCE_PURPOSE, caller.username(), NONCE_TTL);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", google.clientId().strip());
        parameters.put("redirect_uri", redirectUri(request));
        // The ID token comes straight back to the page; there is no code to exchange, so no client secret.
        parameters.put("response_type", "id_token");
        parameters.put("scope", "openid email profile");
        parameters.put("nonce", nonce);
        parameters.put("prompt", "select_account");
        String query = parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return new GoogleUrlResponse(
                AUTHORIZATION_ENDPOINT + "?" + query, google.clientId().strip());
    }

    public AuthResponses.Login callback(
            GoogleCallbackRequest body, HttpServletRequest request, HttpServletResponse response) {
        AetherAuthentication caller = SessionRequired.current();
        requireConfigured();
        GoogleIdentity identity;
        try {
            identity = tokens.verify(body.credential());
            // Last, so that a token failing any other check does not use up the nonce.
            if (challenges
                    .consume(NONCE_PURPOSE, identity.nonce())
                    .filter(consumed -> caller.username().equals(consumed.subject()))
                    .isEmpty()) {
                throw new RejectedCredentialException("nonce unknown, expired or already used");
            }
        } catch (RejectedCredentialException e) {
            signIn.failed(request, METHOD, null, e.reason());
            throw new ApiException(ErrorKind.UNAUTHORIZED, "Google credential is not valid: " + e.reason());
        } catch (GoogleKeys.UnavailableException e) {
            throw new ApiException(
                    ErrorKind.UPSTREAM,
                    "google_unavailable",
                    "Google's signing keys could not be fetched: " + e.getMessage());
        }
        if (!profiles.link(identity)) {
            signIn.failed(request, METHOD, null, "a different Google account is linked");
            throw new ApiException(ErrorKind.FORBIDDEN, "A different Google account is linked to this owner");
        }
        return signIn.succeeded(request, response, METHOD, "Login successful");
    }

    private void requireConfigured() {
        if (!google.configured()) {
            throw new ApiException(
                    ErrorKind.NOT_CONFIGURED,
                    "Google sign-in is not configured: set AETHER_GOOGLE_CLIENT_ID to the OAuth client id, and "
                            + "AETHER_GOOGLE_REDIRECT_URI unless the redirect URI is AETHER_PUBLIC_URL + /login");
        }
    }

    /** The configured redirect URI, else the public URL's sign-in page, else this request's origin's. */
    private String redirectUri(HttpServletRequest request) {
        if (google.redirectUri() != null && !google.redirectUri().isBlank()) {
            return google.redirectUri().strip();
        }
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.strip().replaceAll("/+$", "") + "/login";
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath("/login")
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    /** application/x-www-form-urlencoded writes a space as '+'; %20 is right in any query. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
