package io.aether.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums travel as their lower-case names; parsing names the allowed values when it fails. */
public final class WireValues {
    private WireValues() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(E[] values, String value, String what) {
        return Arrays.stream(values)
                .filter(v -> of(v).equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + value + "'; allowed: "
                        + Arrays.stream(values).map(WireValues::of).collect(Collectors.joining(", "))));
    }
}
