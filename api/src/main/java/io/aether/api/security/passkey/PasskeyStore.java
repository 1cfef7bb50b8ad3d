package io.aether.api.security.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The owner's registered passkeys (table passkey): public keys and counters, never a private key. */
@Component
public class PasskeyStore {
    private static final String COLUMNS = """
            id, credential_id, credential_record, sign_count, uv_initialized, backup_eligible, backed_up,
            device_name, created_at, last_used_at""";
    private final JdbcClient jdbc;

    public PasskeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One registered credential. credentialId is base64url (as browsers send it); credentialData
     * is webauthn4j's serialized attested credential data (AAGUID, credential id, public key).
     */
    public record StoredPasskey(
            UUID id,
            String credentialId,
            byte[] credentialData,
            long signCount,
            boolean uvInitialized,
            boolean backupEligible,
            boolean backedUp,
            String deviceName,
            Instant createdAt,
            Instant lastUsedAt) {}

    public void insert(StoredPasskey passkey) {
        jdbc.sql("""
                INSERT INTO passkey (id, credential_id, credential_record, sign_count, uv_initialized,
                                     backup_eligible, backed_up, device_name, created_at)
                VALUES (:id, :credentialId, :data, :signCount, :uv, :be, :bs, :deviceName, :createdAt)""")
                .param("id", passkey.id())
                .param("credentialId", passkey.credentialId())
                .param("data", passkey.credentialData())
                .param("signCount", passkey.signCount())
                .param("uv", passkey.uvInitialized())
                .param("be", passkey.backupEligible())
                .param("bs", passkey.backedUp())
                .param("deviceName", passkey.deviceName())
                .param("createdAt", Timestamp.from(passkey.createdAt()))
                .update();
    }

    /** Oldest first; the id breaks ties so the order is stable. */
    public List<StoredPasskey> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM passkey ORDER BY created_at, id")
                .query(PasskeyStore::row)
                .list();
    }

    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM passkey)")
                .query(Boolean.class)
                .single();
    }

    public List<String> credentialIds() {
        return jdbc.sql("SELECT credential_id FROM passkey ORDER BY created_at, id")
                .query(String.class)
                .list();
    }

    public Optional<StoredPasskey> findByCredentialId(String credentialId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM passkey WHERE credential_id = :credentialId")
                .param("credentialId", credentialId)
                .query(PasskeyStore::row)
                .optional();
    }

    /**
     * After a verified assertion: the authenticator's new counter and backup state, and when. The
     * counter must have moved on since it was read (or stay 0 for authenticators without one), so of
     * two racing sign-ins with one counter value only one is recorded; false for the other.
     */
    public boolean recordUse(UUID id, long signCount, boolean backedUp, Instant usedAt) {
        return jdbc.sql("""
                UPDATE passkey SET sign_count = :signCount, backed_up = :bs, last_used_at = :usedAt
                WHERE id = :id AND (sign_count < :signCount OR (sign_count = 0 AND :signCount = 0))""")
                        .param("signCount", signCount)
                        .param("bs", backedUp)
                        .param("usedAt", Timestamp.from(usedAt))
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM passkey WHERE id = :id").param("id", id).update() > 0;
    }

    private static StoredPasskey row(ResultSet rs, int row) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return new StoredPasskey(
                rs.getObject("id", UUID.class),
                rs.getString("credential_id"),
                rs.getBytes("credential_record"),
                rs.getLong("sign_count"),
                rs.getBoolean("uv_initialized"),
                rs.getBoolean("backup_eligible"),
                rs.getBoolean("backed_up"),
                rs.getString("device_name"),
                rs.getTimestamp("created_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
