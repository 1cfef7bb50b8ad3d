package io.aether.api.platform.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a real PostgreSQL started from the zonky binaries, with its data under
 * {@code <data-dir>/postgres} so it survives restarts. A postmaster left running by a killed
 * Aether process is stopped before the new one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(15);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock dataDirLock;

    private EmbeddedPostgres startedPostgres(Path pgData) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // zonky passes -F (fsync off), fine for throwaway test data but not for a home's
                // history: turn durability back on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "60")
                .setServerConfig("listen_addresses", "localhost")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops PostgreSQL after the event processors and the pool (bean order);
                // zonky's own JVM hook would stop it underneath them on SIGTERM.
                .setRegisterShutdownHook(false)
                .start();
    }

    public EmbeddedPostgresServer(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve("aether.lock");
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            dataDirLock = lockChannel.tryLock();
            if (dataDirLock == null) {
                lockChannel.close();
                throw new IllegalStateException("Another Aether process is using the data directory "
                        + dataDir.toAbsolutePath() + "; stop it or set AETHER_DATA_DIR to another directory");
            }
            Path pgData = dataDir.resolve("postgres");
            // We hold the data directory lock, so any postmaster still serving it is a leftover.
            stopStalePostmaster(pgData);
            postgres = startedPostgres(pgData);
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {}",
                    postgres.getPort(),
                    pgData.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String user() {
        return "postgres";
    }

    static void stopStalePostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> stale = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::isPostgres);
        if (stale.isPresent()) {
            ProcessHandle process = stale.get();
            log.warn("Stopping PostgreSQL (pid {}) left running by an earlier Aether process", process.pid());
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old JVM
            if (!waitForExit(process, STALE_STOP_WAIT)) {
                process.destroyForcibly();
                waitForExit(process, STALE_STOP_WAIT);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // Unknown means another user's process: never signal what we cannot identify.
        return process.info().command().map(c -> c.contains("postgres")).orElse(false);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!lockChannel.isOpen()) {
            return;
        }
        try {
            postgres.close();
        } finally {
            lockChannel.close(); // releases the data directory lock
        }
    }
}
