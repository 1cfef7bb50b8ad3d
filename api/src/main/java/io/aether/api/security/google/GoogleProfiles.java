package io.aether.api.security.google;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The Google account linked to the owner (table owner_profile, one row) and its profile. */
@Component
class GoogleProfiles {
    private final JdbcClient jdbc;
    private final Clock clock;

    GoogleProfiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Links the account, or refreshes its profile when it is the one already linked; false (and
     * nothing written) when another account is linked. One statement, so two concurrent sign-ins
     * with different accounts cannot both link.
     */
    boolean link(GoogleIdentity identity) {
        return jdbc.sql("""
                INSERT INTO owner_profile (id, google_subject, email, display_name, avatar_url, updated_at)
                VALUES (1, :subject, :email, :name, :picture, :now)
                ON CONFLICT (id) DO UPDATE SET google_subject = EXCLUDED.google_subject, email = EXCLUDED.email,
                    display_name = EXCLUDED.display_name, avatar_url = EXCLUDED.avatar_url,
                    updated_at = EXCLUDED.updated_at
                WHERE owner_profile.google_subject IS NULL OR owner_profile.google_subject = EXCLUDED.google_subject""")
                        .param("subject", identity.subject(), Types.VARCHAR)
                        .param("email", identity.email(), Types.VARCHAR)
                        .param("name", identity.name(), Types.VARCHAR)
                        .param("picture", identity.picture(), Types.VARCHAR)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }
}
