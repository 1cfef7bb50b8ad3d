package io.aether.api.security;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the authentication endpoints (snake_case on the wire). */
public final class AuthRequests {
    static final int MIN_PASSWORD_LENGTH = 8;

    private AuthRequests() {}

    @Schema(name = "SetupRequest")
    public record Setup(
            @NotBlank @Size(max = 2048) String haUrl,
            @NotBlank @Size(max = 1000) String haToken,
            @Size(min = MIN_PASSWORD_LENGTH, max = 128) String password) {
        @Override
        public String toString() {
            return "Setup[haUrl=" + haUrl + "]";
        }
    }

    @Schema(name = "LoginRequest")
    public record Login(
            @NotNull @Size(max = 100) String username,
            @NotNull @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    @Schema(name = "HATokenLoginRequest")
    public record HaTokenLogin(@NotBlank @Size(max = 1000) String haToken) {
        @Override
        public String toString() {
            return "HaTokenLogin[]";
        }
    }

    @Schema(name = "PasswordChangeRequest")
    public record ChangePassword(
            @NotNull @Size(max = 128) String currentPassword,

            @NotNull @Size(min = MIN_PASSWORD_LENGTH, max = 128)
            String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[]";
        }
    }

    @Schema(name = "ApiKeyCreateRequest")
    public record CreateApiKey(@NotBlank @Size(max = 100) String name) {}
}
