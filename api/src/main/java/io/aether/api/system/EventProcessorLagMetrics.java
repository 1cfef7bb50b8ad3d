package io.aether.api.system;

import io.aether.command.Processes;
import io.aether.query.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Each streaming processor's lag behind the head of the event store, and each projection's number
 * of parked events (dead letters), as Prometheus gauges.
 */
@Component
public class EventProcessorLagMetrics implements MeterBinder {
    private final EventProcessors processors;
    private final DeadLetters deadLetters;

    public EventProcessorLagMetrics(EventProcessors processors, DeadLetters deadLetters) {
        this.processors = processors;
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<String> names = new ArrayList<>(Projections.NAMES);
        names.addAll(Processes.NAMES);
        for (String name : names) {
            Gauge.builder("aether.event_processor.lag", processors, p -> lag(p, name))
                    .tag("processor", name)
                    .description("Events between the processor's position and the head of the event store")
                    .baseUnit("events")
                    .register(registry);
        }
        for (String name : Projections.NAMES) {
            Gauge.builder(
                            "aether.event_processor.dead_letters",
                            deadLetters,
                            d -> d.countsByGroup().getOrDefault(name, 0L).doubleValue())
                    .tag("processor", name)
                    .description("Events the projection parked in its dead-letter queue")
                    .baseUnit("events")
                    .register(registry);
        }
    }

    private static double lag(EventProcessors processors, String name) {
        return processors.status().stream()
                .filter(p -> p.name().equals(name) && p.lag() != null)
                .mapToDouble(SystemResponses.Processor::lag)
                .findFirst()
                .orElse(Double.NaN);
    }
}
