package io.aether.domain.agent;

import java.util.function.Predicate;

/** The name of a clone: {@code <name>_copy}, then {@code _copy2}, {@code _copy3}, ... whichever is free first. */
public final class CloneNames {
    private CloneNames() {}

    /** The {@code n}th candidate (1-based): {@code <name>_copy} for 1, {@code <name>_copy<n>} after. */
    public static String candidate(String source, int n) {
        return n <= 1 ? source + "_copy" : source + "_copy" + n;
    }

    /** The first candidate that {@code taken} does not claim. */
    public static String firstFree(String source, Predicate<String> taken) {
        for (int n = 1; ; n++) {
            String name = candidate(source, n);
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
