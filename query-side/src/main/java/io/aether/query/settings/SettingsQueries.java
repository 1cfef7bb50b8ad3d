package io.aether.query.settings;

import io.aether.domain.settings.SettingsCommand;
import io.aether.domain.settings.SettingsEvent;
import io.aether.domain.settings.query.FetchSettings;
import io.aether.domain.settings.query.SettingsView;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the settings query from the settings' newest event, which carries every override (see
 * {@link SettingsEvent}): two indexed reads however many changes were made, and current as soon
 * as a command returned, without a read model of its own.
 */
@Component
public class SettingsQueries {
    private final EventStore eventStore;

    public SettingsQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public SettingsView handle(FetchSettings query) {
        return SettingsView.of(newestOverrides());
    }

    private Map<String, Map<String, Object>> newestOverrides() {
        Optional<Long> last = eventStore.lastSequenceNumberFor(SettingsCommand.AGGREGATE_ID);
        if (last.isEmpty()) {
            return Map.of();
        }
        DomainEventStream events = eventStore.readEvents(SettingsCommand.AGGREGATE_ID, last.get());
        Map<String, Map<String, Object>> overrides = Map.of();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof SettingsEvent settings) {
                overrides = settings.overrides();
            }
        }
        return overrides;
    }
}
