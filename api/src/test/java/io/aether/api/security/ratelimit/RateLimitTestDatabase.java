package io.aether.api.security.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A schema of its own on the machine's PostgreSQL, holding the table exactly as V4__rate_limit.sql
 * creates it; close() drops it again.
 */
final class RateLimitTestDatabase implements AutoCloseable {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String MIGRATION = "db/migration/api/V4__rate_limit.sql";

    private final String schema =
            "rate_limit_test_" + UUID.randomUUID().toString().replace("-", "");
    private final HikariDataSource dataSource;

    RateLimitTestDatabase() {
        execute(URL, "CREATE SCHEMA " + schema);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + "?currentSchema=" + schema);
        config.setUsername(USER);
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(migration());
        } catch (SQLException e) {
            close();
            throw new IllegalStateException(e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    int rowCount() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + AuthRateLimiter.TABLE)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void clear() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + AuthRateLimiter.TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        execute(URL, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static String migration() {
        try (InputStream in = RateLimitTestDatabase.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
