package io.aether.api.settings;

import io.aether.api.platform.messaging.QueryAnswers;
import io.aether.domain.actor.Actor;
import io.aether.domain.settings.ChangeSettings;
import io.aether.domain.settings.InvalidSettingsException;
import io.aether.domain.settings.ResetSettings;
import io.aether.domain.settings.SettingsSection;
import io.aether.domain.settings.query.FetchSettings;
import io.aether.domain.settings.query.SettingsView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * The application settings: read live by whatever needs them (each call sees the newest change),
 * changed only through events that name the principal.
 */
@Service
public class AppSettings {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public AppSettings(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public SettingsView current() {
        return QueryAnswers.answer(queries, new FetchSettings(), SettingsView.class);
    }

    /** One section's current values. */
    public Map<String, Object> section(SettingsSection section) {
        return current().section(section);
    }

    /**
     * Applies a PATCH body: section wire name to an object of keys (null or absent: unchanged).
     * Refused whole, with every problem named, when a section is unknown or not an object.
     */
    public SettingsView change(Map<String, Object> body, Actor actor) {
        Map<SettingsSection, Map<String, Object>> changes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        body.forEach((name, values) -> {
            SettingsSection section = SettingsSection.fromWire(name).orElse(null);
            if (section == null) {
                problems.add(name + " is not a settings section (known: " + SettingsSection.wireNames() + ")");
            } else if (values instanceof Map<?, ?> map) {
                Map<String, Object> keys = new LinkedHashMap<>();
                map.forEach((key, value) -> keys.put(String.valueOf(key), value));
                changes.put(section, keys);
            } else if (values != null) {
                problems.add(name + " must be an object of settings");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        if (!changes.isEmpty()) {
            commands.sendAndWait(new ChangeSettings(changes, actor));
        }
        return current();
    }

    public SettingsView reset(String sectionName, Actor actor) {
        SettingsSection section = SettingsSection.fromWire(sectionName)
                .orElseThrow(() -> new InvalidSettingsException(List.of(
                        "section must be one of " + SettingsSection.wireNames() + " (was " + sectionName + ")")));
        commands.sendAndWait(new ResetSettings(section, actor));
        return current();
    }
}
