package io.aether.command.settings;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aether.domain.settings.ChangeSettings;
import io.aether.domain.settings.InvalidSettingsException;
import io.aether.domain.settings.ResetSettings;
import io.aether.domain.settings.SettingsChanged;
import io.aether.domain.settings.SettingsCommand;
import io.aether.domain.settings.SettingsEvent;
import io.aether.domain.settings.SettingsReset;
import io.aether.domain.settings.SettingsRules;
import io.aether.domain.settings.SettingsSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The installation's application settings (one stream, {@link SettingsCommand#AGGREGATE_ID}).
 * It holds only the overrides of the defaults. A change that sets nothing new, or a reset of a
 * section that has no overrides, records nothing.
 */
@Aggregate
public class SettingsAggregate {

    @AggregateIdentifier
    private String aggregateId;

    private Map<String, Map<String, Object>> overrides = Map.of();

    protected SettingsAggregate() {
        // for Axon, and the instance CREATE_IF_MISSING starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeSettings command) {
        List<String> problems = new ArrayList<>();
        command.changes().forEach((section, values) -> problems.addAll(SettingsRules.problems(section, values)));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        Map<String, Map<String, Object>> after = copy(overrides);
        command.changes().forEach((section, values) -> {
            Map<String, Object> current =
                    SettingsRules.effective(section, overrides.getOrDefault(section.wire(), Map.of()));
            values.forEach((key, raw) -> {
                Object value = SettingsRules.normalised(raw);
                if (!Objects.equals(current.get(key), value)) {
                    changed.computeIfAbsent(section.wire(), k -> new LinkedHashMap<>())
                            .put(key, value);
                    Map<String, Object> sectionOverrides =
                            after.computeIfAbsent(section.wire(), k -> new LinkedHashMap<>());
                    if (Objects.equals(SettingsRules.defaults(section).get(key), value)) {
                        sectionOverrides.remove(key); // back at its default: no override to keep
                    } else {
                        sectionOverrides.put(key, value);
                    }
                }
            });
        });
        after.values().removeIf(Map::isEmpty);
        if (!changed.isEmpty()) {
            apply(new SettingsChanged(changed, after, command.actor()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ResetSettings command) {
        SettingsSection section = command.section();
        if (overrides.containsKey(section.wire())) {
            Map<String, Map<String, Object>> after = copy(overrides);
            after.remove(section.wire());
            apply(new SettingsReset(section.wire(), after, command.actor()));
        }
    }

    @EventSourcingHandler
    void on(SettingsEvent event) {
        aggregateId = SettingsCommand.AGGREGATE_ID;
        overrides = copy(event.overrides());
    }

    private static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> from) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        from.forEach((section, values) -> copy.put(section, new LinkedHashMap<>(values)));
        return copy;
    }
}
