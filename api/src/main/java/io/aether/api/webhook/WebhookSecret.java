package io.aether.api.webhook;

import io.aether.api.platform.config.AetherProperties;
import io.aether.api.platform.error.ApiException;
import io.aether.domain.ErrorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The secret {@code POST /webhooks/ha} requires in {@code X-Webhook-Secret}: AETHER_WEBHOOK_SECRET
 * when set; otherwise, outside {@code AETHER_ENVIRONMENT=development}, one generated on first start
 * and kept in {@code <data-dir>/webhook-secret} (owner-only file; read it there to configure HA's
 * rest_command). In development without a configured secret the webhook takes none. Compared in
 * constant time; the secret is never logged or answered.
 */
@Component
public class WebhookSecret {
    static final String FILE = "webhook-secret";
    private static final Logger log = LoggerFactory.getLogger(WebhookSecret.class);

    private final Optional<byte[]> secret;

    public WebhookSecret(WebhookProperties properties, AetherProperties aether) {
        String configured = properties.secret();
        if (configured != null && !configured.isBlank()) {
            secret = Optional.of(configured.strip().getBytes(StandardCharsets.UTF_8));
        } else if ("development".equalsIgnoreCase(aether.environment())) {
            log.warn("POST /api/v1/webhooks/ha takes no secret: AETHER_WEBHOOK_SECRET is not set (development)");
            secret = Optional.empty();
        } else {
            secret = Optional.of(fromDataDir(aether.dataDir().resolve(FILE)));
        }
    }

    public boolean required() {
        return secret.isPresent();
    }

    /** 401 without the header, 403 with a wrong one; nothing when no secret is required. */
    public void check(String presented) {
        if (secret.isEmpty()) {
            return;
        }
        if (presented == null || presented.isEmpty()) {
            throw new ApiException(ErrorKind.UNAUTHORIZED, "X-Webhook-Secret header required");
        }
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret.get())) {
            throw new ApiException(ErrorKind.FORBIDDEN, "Invalid webhook secret");
        }
    }

    private static byte[] fromDataDir(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(file, generated + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                    restrict(file);
                    log.info("Generated the Home Assistant webhook secret in {}", file.toAbsolutePath());
                } catch (FileAlreadyExistsException e) {
                    // another node on the same data directory was first
                }
            }
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IllegalStateException(
                        file.toAbsolutePath() + " is empty: delete it or set AETHER_WEBHOOK_SECRET");
            }
            return stored.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook secret " + file.toAbsolutePath(), e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("cannot restrict {}: {}", file, e.toString());
        }
    }
}
