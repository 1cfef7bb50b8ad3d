package io.aether.api.security.google;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The ID token Google handed to the browser. */
@Schema(name = "GoogleCallbackRequest")
public record GoogleCallbackRequest(
        @NotBlank @Size(max = MAX_CREDENTIAL_LENGTH) @Schema(description = "Google ID token (JWT)")
        String credential) {
    static final int MAX_CREDENTIAL_LENGTH = 4096;

    @Override
    public String toString() {
        return "GoogleCallbackRequest[]";
    }
}
