package io.aether.domain.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.aether.domain.WireValues;

/** Which part of the semantic version a promotion raises. */
public enum BumpType {
    MAJOR,
    MINOR,
    PATCH;

    /** The first promoted version of a config or prompt line. */
    public static final String FIRST = "0.1.0";

    /** {@code previous} raised by this bump; {@link #FIRST} when there was none. */
    public String bump(String previous) {
        if (previous == null) {
            return FIRST;
        }
        String[] parts = previous.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a semantic version: " + previous);
        }
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        int patch = Integer.parseInt(parts[2]);
        return switch (this) {
            case MAJOR -> (major + 1) + ".0.0";
            case MINOR -> major + "." + (minor + 1) + ".0";
            case PATCH -> major + "." + minor + "." + (patch + 1);
        };
    }

    @JsonValue
    public String wire() {
        return WireValues.of(this);
    }

    /** Parses a wire value; throws {@link IllegalArgumentException} naming the allowed values. */
    @JsonCreator
    public static BumpType fromWire(String value) {
        return WireValues.parse(values(), value, "bump type");
    }
}
