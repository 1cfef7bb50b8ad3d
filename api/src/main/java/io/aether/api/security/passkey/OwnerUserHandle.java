package io.aether.api.security.passkey;

import com.webauthn4j.util.Base64UrlUtil;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn user handle (user.id) of Aether's single owner: 32 random bytes made on first use
 * and kept in table passkey_owner, so it is the same on every node and after restarts. Random
 * rather than a fixed value so that two installations sharing an rp id (say, two ports on
 * localhost) do not overwrite each other's discoverable credentials, and it carries nothing
 * personal, as WebAuthn asks of a user handle.
 */
@Component
public class OwnerUserHandle {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final AtomicReference<byte[]> cached = new AtomicReference<>();

    public OwnerUserHandle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] value() {
        byte[] handle = cached.get();
        if (handle == null) {
            handle = loadOrCreate();
            cached.set(handle);
        }
        return handle.clone();
    }

    public String base64Url() {
        return Base64UrlUtil.encodeToString(value());
    }

    /** The first node to get here stores its value; every other node reads that one. */
    private byte[] loadOrCreate() {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        jdbc.sql("INSERT INTO passkey_owner (id, user_handle) VALUES (1, :handle) ON CONFLICT (id) DO NOTHING")
                .param("handle", candidate)
                .update();
        return jdbc.sql("SELECT user_handle FROM passkey_owner WHERE id = 1")
                .query(byte[].class)
                .single();
    }
}
