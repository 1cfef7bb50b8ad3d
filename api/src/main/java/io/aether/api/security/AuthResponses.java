package io.aether.api.security;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the authentication endpoints, shaped as the original's contract. */
public final class AuthResponses {
    private AuthResponses() {}

    @Schema(name = "SetupStatusResponse")
    public record SetupStatus(boolean setupComplete) {}

    @Schema(name = "SetupResponse")
    public record Setup(String token, String message) {}

    @Schema(name = "LoginResponse")
    public record Login(String token, String username, String message) {}

    @Schema(name = "LogoutResponse")
    public record Logout(String message) {}

    @Schema(name = "MeResponse")
    public record Me(
            boolean authenticated,
            String username,
            String authMethod,
            boolean hasPasskeys,
            String displayName,
            String email,
            String avatarUrl) {}

    /** The key itself appears here and nowhere else, ever. */
    @Schema(name = "ApiKeyCreatedResponse")
    public record ApiKeyCreated(UUID id, String name, String prefix, String key, Instant createdAt) {
        @Override
        public String toString() {
            return "ApiKeyCreated[id=" + id + ", prefix=" + prefix + "]";
        }
    }

    @Schema(name = "ApiKeyInfo")
    public record ApiKeyInfo(
            UUID id,
            String name,
            String prefix,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean active) {
        static ApiKeyInfo of(ApiKeys.ApiKey key) {
            return new ApiKeyInfo(
                    key.id(),
                    key.name(),
                    key.prefix(),
                    key.createdAt(),
                    key.lastUsedAt(),
                    key.revokedAt(),
                    key.active());
        }
    }

    @Schema(name = "ApiKeyListResponse")
    public record ApiKeyList(List<ApiKeyInfo> apiKeys) {}
}
