package io.aether.command.agent;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Agent aggregate names its own snapshot trigger and cache here (as AxonIQ's hotel demo does):
 * a snapshot every {@value #SNAPSHOT_THRESHOLD} events (setting {@code aether.agents.snapshot-threshold}),
 * so loading an agent reads at most that many events after its latest snapshot however many
 * promotions it has had; and a weak-reference cache of loaded agents between commands.
 */
@Configuration(proxyBeanMethods = false)
public class AgentConfiguration {
    /** Events between two snapshots of an agent. */
    public static final int SNAPSHOT_THRESHOLD = 100;

    @Bean(AgentAggregate.SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition agentSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${aether.agents.snapshot-threshold:" + SNAPSHOT_THRESHOLD + "}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean(AgentAggregate.CACHE)
    Cache agentCache() {
        return new WeakReferenceCache();
    }
}
