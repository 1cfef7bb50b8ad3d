package io.aether.api.system;

import io.aether.api.homeassistant.HomeAssistantConnection;
import io.aether.api.platform.config.AetherProperties;
import io.aether.homeassistant.HomeAssistantException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/** Checks the components and applies the original's rule: database down is unhealthy, anything else degraded. */
@Service
public class SystemStatusService {
    private static final int DB_CHECK_SECONDS = 5;

    private final DataSource dataSource;
    private final HomeAssistantConnection homeAssistant;
    private final EventProcessors processors;
    private final DeadLetters deadLetters;
    private final AetherProperties properties;
    private final String version;

    public SystemStatusService(
            DataSource dataSource,
            HomeAssistantConnection homeAssistant,
            EventProcessors processors,
            DeadLetters deadLetters,
            AetherProperties properties,
            ObjectProvider<BuildProperties> build) {
        this.dataSource = dataSource;
        this.homeAssistant = homeAssistant;
        this.processors = processors;
        this.deadLetters = deadLetters;
        this.properties = properties;
        BuildProperties info = build.getIfAvailable();
        this.version = info != null ? info.getVersion() : "0.1.0";
    }

    public String version() {
        return version;
    }

    public double uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }

    public boolean databaseReachable() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.setQueryTimeout(DB_CHECK_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public SystemResponses.Status status() {
        List<SystemResponses.Component> components = new ArrayList<>();
        long start = System.nanoTime();
        boolean db = databaseReachable();
        components.add(new SystemResponses.Component(
                "database",
                db ? SystemResponses.HealthStatus.HEALTHY : SystemResponses.HealthStatus.UNHEALTHY,
                db ? "PostgreSQL reachable" : "PostgreSQL unreachable",
                millisSince(start)));
        components.add(homeAssistant());
        List<SystemResponses.Processor> processorStatus = db ? processors.status() : List.of();
        Map<String, Long> parked = db ? deadLetters.countsByGroup() : Map.of();
        components.add(processorsComponent(processorStatus, parked, db));

        SystemResponses.HealthStatus overall = !db
                ? SystemResponses.HealthStatus.UNHEALTHY
                : components.stream().allMatch(c -> c.status() == SystemResponses.HealthStatus.HEALTHY)
                        ? SystemResponses.HealthStatus.HEALTHY
                        : SystemResponses.HealthStatus.DEGRADED;
        String publicUrl =
                properties.publicUrl() == null || properties.publicUrl().isBlank() ? null : properties.publicUrl();
        return new SystemResponses.Status(
                overall,
                Instant.now(),
                version,
                properties.environment(),
                components,
                uptimeSeconds(),
                publicUrl,
                "monolith",
                processorStatus);
    }

    private SystemResponses.Component homeAssistant() {
        long start = System.nanoTime();
        try {
            homeAssistant.client().apiStatus();
            return new SystemResponses.Component(
                    "home_assistant",
                    SystemResponses.HealthStatus.HEALTHY,
                    "Home Assistant API running",
                    millisSince(start));
        } catch (HomeAssistantException e) {
            return new SystemResponses.Component(
                    "home_assistant", SystemResponses.HealthStatus.DEGRADED, e.getMessage(), millisSince(start));
        } catch (org.springframework.dao.DataAccessException e) {
            // The zone that names Home Assistant is in the database.
            return new SystemResponses.Component(
                    "home_assistant",
                    SystemResponses.HealthStatus.DEGRADED,
                    "unknown: database unreachable",
                    millisSince(start));
        }
    }

    /**
     * Degraded while a processor is stopped, in error, has segments no node processes, or holds
     * parked events (its read model misses them until they are retried).
     */
    private static SystemResponses.Component processorsComponent(
            List<SystemResponses.Processor> list, Map<String, Long> parked, boolean db) {
        if (!db) {
            return new SystemResponses.Component(
                    "event_processors", SystemResponses.HealthStatus.DEGRADED, "unknown: database unreachable", null);
        }
        List<String> problems = new ArrayList<>(list.stream()
                .filter(p -> !p.running() || p.error() || p.unclaimedSegments() > 0)
                .map(p -> p.name()
                        + (p.error()
                                ? " is in error (retrying)"
                                : !p.running()
                                        ? " is not running"
                                        : " has " + p.unclaimedSegments() + " segment(s) no node processes"))
                .toList());
        parked.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> problems.add(
                        e.getKey() + " has " + e.getValue() + " parked event(s) (GET /api/v1/admin/dead-letters)"));
        long maxLag = list.stream()
                .map(SystemResponses.Processor::lag)
                .filter(l -> l != null)
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        String message = problems.isEmpty()
                ? list.size() + " processors running, max lag " + maxLag + " events"
                : String.join("; ", problems);
        return new SystemResponses.Component(
                "event_processors",
                problems.isEmpty() ? SystemResponses.HealthStatus.HEALTHY : SystemResponses.HealthStatus.DEGRADED,
                message,
                null);
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
    }
}
