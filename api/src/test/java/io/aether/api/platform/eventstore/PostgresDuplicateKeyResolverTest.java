package io.aether.api.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class PostgresDuplicateKeyResolverTest {
    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void aUniqueViolationFromThePostgresDriverIsADuplicateKeyAnywhereInTheCauseChain() {
        PSQLException duplicate =
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION);

        assertThat(resolver.isDuplicateKeyViolation(duplicate)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new RuntimeException(duplicate))))
                .isTrue();
        // Axon's default resolver misses it: the lost race became a storage error (503).
        assertThat(new JdbcSQLErrorCodesResolver().isDuplicateKeyViolation(duplicate))
                .isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new PSQLException("gone", PSQLState.CONNECTION_FAILURE)))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("no state")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("not SQL")))
                .isFalse();
    }
}
