package io.aether.domain.settings;

import io.aether.domain.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to the application settings (one aggregate for the whole installation). */
public interface SettingsCommand {
    /** The settings' single stream. */
    String AGGREGATE_ID = "app-settings";

    Actor actor();

    @TargetAggregateIdentifier
    default String aggregateId() {
        return AGGREGATE_ID;
    }
}
