package io.aether.api.agent;

import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.function.Predicate;

/** The check behind {@link KnownTools} and {@link KnownToolGroups}: the message names the unknown ones. */
final class UnknownNames {
    private UnknownNames() {}

    static boolean check(List<String> names, Predicate<String> known, String what, ConstraintValidatorContext context) {
        if (names == null) {
            return true;
        }
        List<String> unknown = names.stream().filter(n -> !known.test(n)).toList();
        if (unknown.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(
                        "unknown " + what + (unknown.size() > 1 ? "s" : "") + ": " + String.join(", ", escape(unknown)))
                .addConstraintViolation();
        return false;
    }

    /** Names are user input: keep them out of the message template language. */
    private static List<String> escape(List<String> names) {
        return names.stream()
                .map(n -> n == null
                        ? "null"
                        : n.replace("\\", "\\\\")
                                .replace("{", "\\{")
                                .replace("}", "\\}")
                                .replace("$", "\\$"))
                .toList();
    }
}
