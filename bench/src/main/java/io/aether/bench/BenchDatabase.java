package io.aether.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one PostgreSQL a run uses, with a dedicated database dropped and created empty at the start:
 * an external server when AETHER_DB_URL is set (loopback only unless -Dbench.allowRemoteDb=true),
 * otherwise a zonky embedded PostgreSQL in a temporary directory with durable settings (fsync on).
 */
final class BenchDatabase implements AutoCloseable {
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** jdbc:postgresql://host[:port][,host2...]/database[?params] */
    private static final Pattern HOST_URL = Pattern.compile("^(jdbc:postgresql://)([^/?]*)/([^?]*)(\\?.*)?$");
    /** jdbc:postgresql:database[?params] (localhost:5432) */
    private static final Pattern SHORT_URL = Pattern.compile("^jdbc:postgresql:(?!//)([^?]+)(\\?.*)?$");

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String description;
    private final EmbeddedPostgres embedded;
    private final Path embeddedDir;

    private BenchDatabase(
            String jdbcUrl,
            String user,
            String password,
            String description,
            EmbeddedPostgres embedded,
            Path embeddedDir) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
        this.embeddedDir = embeddedDir;
    }

    static BenchDatabase open(
            String externalUrl, String externalUser, String externalPassword, String dbName, boolean allowRemote)
            throws SQLException, IOException {
        if (!DB_NAME.matcher(dbName).matches()) {
            throw new BenchFailure("-Dbench.database must be a plain lower-case identifier, got '" + dbName + "'");
        }
        if (externalUrl != null && !externalUrl.isBlank()) {
            return external(
                    externalUrl.strip(),
                    blankTo(externalUser, "postgres"),
                    blankTo(externalPassword, ""),
                    dbName,
                    allowRemote);
        }
        return embedded(dbName);
    }

    private static BenchDatabase external(String url, String user, String password, String dbName, boolean allowRemote)
            throws SQLException {
        String hosts;
        String database;
        String benchUrl;
        Matcher m = HOST_URL.matcher(url);
        Matcher s = SHORT_URL.matcher(url);
        if (m.matches()) {
            hosts = m.group(2);
            database = m.group(3);
            benchUrl = m.group(1) + hosts + "/" + dbName + (m.group(4) == null ? "" : m.group(4));
        } else if (s.matches()) {
            hosts = "localhost";
            database = s.group(1);
            benchUrl = "jdbc:postgresql:" + dbName + (s.group(2) == null ? "" : s.group(2));
        } else {
            throw new BenchFailure("AETHER_DB_URL must look like jdbc:postgresql://127.0.0.1:5432/test, got " + url);
        }
        for (String hostPort : hosts.split(",")) {
            String host = hostPort.startsWith("[")
                    ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                    : hostPort.replaceFirst(":\\d+$", "");
            if (!allowRemote && !LOOPBACK.contains(host.toLowerCase())) {
                throw new BenchFailure("AETHER_DB_URL points at '" + host + "': the benchmark drops and recreates "
                        + "a database and measures local latency, so it only targets 127.0.0.1/localhost "
                        + "(-Dbench.allowRemoteDb=true to override)");
            }
        }
        if (database.equals(dbName)) {
            throw new BenchFailure("AETHER_DB_URL must name a database other than '" + dbName
                    + "' (the benchmark drops and recreates '" + dbName
                    + "' from there), e.g. .../postgres or .../test");
        }
        try (Connection c = DriverManager.getConnection(url, props(user, password));
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + dbName);
        }
        return new BenchDatabase(
                benchUrl,
                user,
                password,
                "external PostgreSQL at " + hosts + " (AETHER_DB_URL), database " + dbName,
                null,
                null);
    }

    private static BenchDatabase embedded(String dbName) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("aether-bench-pg-");
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    // zonky runs PostgreSQL with fsync off; Aether's own embedded server turns durability
                    // back on (EmbeddedPostgresServer), so the benchmark does too.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
        String base = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", props("postgres", ""));
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + dbName);
        } catch (SQLException | RuntimeException e) {
            pg.close();
            deleteQuietly(dir);
            throw e;
        }
        return new BenchDatabase(
                base + dbName,
                "postgres",
                "",
                "embedded PostgreSQL (zonky) on 127.0.0.1:" + pg.getPort() + ", data in " + dir + ", database "
                        + dbName,
                pg,
                dir);
    }

    /**
     * A second database, dropped and created empty, on the same PostgreSQL server (for measurements
     * that need a store of their own); closing it leaves the server running.
     */
    BenchDatabase sibling(String name) throws SQLException {
        if (!DB_NAME.matcher(name).matches()) {
            throw new BenchFailure("not a plain lower-case database name: '" + name + "'");
        }
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        String url = jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        if (url.equals(jdbcUrl)) {
            throw new BenchFailure(
                    "cannot derive a second database from " + jdbcUrl + "; use jdbc:postgresql://host/db");
        }
        return new BenchDatabase(url, user, password, description + " (sibling database " + name + ")", null, null);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, props(user, password));
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String description() {
        return description;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("warning: could not stop the embedded PostgreSQL: " + e);
            }
            deleteQuietly(embeddedDir);
        }
    }

    private static Properties props(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", "aether-bench");
        return p;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
