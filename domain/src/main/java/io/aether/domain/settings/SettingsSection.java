package io.aether.domain.settings;

import java.util.Arrays;
import java.util.Optional;

/** The sections of the application settings, with their wire names. */
public enum SettingsSection {
    CHAT("chat"),
    DASHBOARD("dashboard"),
    DATA_SCIENCE("data_science"),
    NOTIFICATIONS("notifications");

    private final String wire;

    SettingsSection(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<SettingsSection> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    /** The wire names, for error messages. */
    public static String wireNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(SettingsSection::wire).toList());
    }
}
