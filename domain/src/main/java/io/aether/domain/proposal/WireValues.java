package io.aether.domain.proposal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

final class WireValues {
    private WireValues() {
    }

    static String of(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
