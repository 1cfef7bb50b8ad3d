package io.aether.api.security;

import io.aether.api.security.passkey.PasskeyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What /auth/me tells about the owner besides the session: passkeys and the linked Google profile. */
@Component
public class OwnerFacts {
    private final JdbcClient jdbc;
    private final PasskeyStore passkeys;

    public OwnerFacts(JdbcClient jdbc, PasskeyStore passkeys) {
        this.jdbc = jdbc;
        this.passkeys = passkeys;
    }

    public record Profile(String displayName, String email, String avatarUrl) {
        static final Profile NONE = new Profile(null, null, null);
    }

    public boolean hasPasskeys() {
        return passkeys.any();
    }

    public Profile profile() {
        return jdbc.sql("SELECT display_name, email, avatar_url FROM owner_profile WHERE id = 1")
                .query((rs, row) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(Profile.NONE);
    }
}
