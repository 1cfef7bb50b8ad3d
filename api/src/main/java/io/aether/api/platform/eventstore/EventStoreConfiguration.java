package io.aether.api.platform.eventstore;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;

/**
 * How events travel from a commit to the streaming processors and to waiting requests: the
 * event store whose streams wake idle processors ({@link NotifyingEventStore}), the resolver that
 * makes a lost append race a conflict, the token store's node name, and the claim timing every
 * pooled processor shares.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {
    /**
     * How often a pooled processor renews the claims of its segments (Axon's default is 5 s, so
     * an idle claim could be ~10 s old before renewal). With 2 s a claim older than
     * {@link #STALE_CLAIM_AFTER} means its owner stopped: /status counts such segments.
     */
    public static final Duration CLAIM_EXTENSION = Duration.ofSeconds(2);

    public static final Duration STALE_CLAIM_AFTER = Duration.ofSeconds(6);
    /**
     * The store reads the database on its own only this often; local commits and other nodes'
     * notifications make it read at once, so this is only the fallback when notifications fail.
     */
    static final Duration FETCH_DELAY = Duration.ofSeconds(1);
    /**
     * The store's shared cache of recent events (also the most its producer reads in one go, see
     * {@link BoundedFetchStorageEngine}), and how often a consumer that fell behind it is moved to
     * a stream of its own. A consumer behind the cache keeps every cached event after its position
     * alive until then: with Axon's defaults (10,000 events, 10 s) a burst of 100,000 events (an
     * import, another node catching up) filled a 256 MiB heap while a projection worked through
     * it. Live traffic needs only the newest few events.
     */
    static final int CACHED_EVENTS = 1_000;

    static final Duration CLEANUP_DELAY = Duration.ofMillis(100);

    /** Axon's auto-configured embedded store, with streams that call back when events arrive. */
    @Bean
    NotifyingEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(new BoundedFetchStorageEngine(storageEngine, CACHED_EVENTS))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(FETCH_DELAY.toMillis())
                .cachedEvents(CACHED_EVENTS)
                .cleanupDelay(CLEANUP_DELAY.toMillis());
        return new NotifyingEventStore(builder);
    }

    /**
     * Axon's JDBC token store, except that each application context claims segments under a name
     * of its own: by default every context in one JVM shares the JVM's name ("pid@host"), so two
     * contexts would both think they hold the same claim and both process its events.
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            TokenStoreProperties properties) {
        String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodeId)
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    ConfigurerModule pooledProcessorClaimTiming() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.claimExtensionThreshold(CLAIM_EXTENSION.toMillis())));
    }
}
