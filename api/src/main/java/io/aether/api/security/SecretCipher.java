package io.aether.api.security;

import io.aether.api.platform.config.AetherProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets kept in the database (HA token, generated signing key) with AES-256-GCM. The
 * key lives outside the database: AETHER_SECRET_KEY, or a file created on first start in the
 * data directory (owner-only), so a copy of the database alone does not reveal the secrets.
 */
@Component
public class SecretCipher {
    static final String KEY_FILE = "secret.key";
    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    public SecretCipher(AuthProperties auth, AetherProperties aether) {
        this.key = new SecretKeySpec(keyBytes(auth.secretKey(), aether.dataDir()), "AES");
    }

    public String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return FORMAT
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(FORMAT)) {
            throw new IllegalStateException("Stored secret has an unknown format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Wrong key (another node's key file, a changed AETHER_SECRET_KEY) or a damaged value.
            throw new IllegalStateException("A stored secret cannot be decrypted with this node's key "
                    + "(AETHER_SECRET_KEY or " + KEY_FILE + " in the data directory)");
        }
    }

    private static byte[] keyBytes(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "AETHER_SECRET_KEY must be base64 (32 bytes, e.g. `openssl rand -base64 32`)");
            }
            if (key.length != 32) {
                throw new IllegalStateException("AETHER_SECRET_KEY must decode to 32 bytes, not " + key.length);
            }
            return key;
        }
        return keyFile(dataDir.resolve(KEY_FILE));
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Path temp = Files.createTempFile(
                        file.getParent(),
                        KEY_FILE,
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, Base64.getEncoder().encodeToString(key));
                try {
                    // Atomic, and never replaces a key another process wrote first.
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // The other writer's key wins; read it below.
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != 32) {
                throw new IllegalStateException(file + " does not hold a 32-byte key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }
}
