package io.aether.api.platform.eventstore;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505) so that the JDBC event store turns
 * an append that lost an optimistic-concurrency race (same aggregate and sequence number,
 * typically written by another node) into Axon's {@code ConcurrencyException}, answered 409.
 * Axon's default resolver only knows {@link SQLIntegrityConstraintViolationException}, which the
 * PostgreSQL driver never throws: the loser got a generic storage error (503).
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
