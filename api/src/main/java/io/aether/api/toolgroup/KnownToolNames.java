package io.aether.api.toolgroup;

import io.aether.domain.tool.ToolRegistry;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every name in the list is a tool of the {@link ToolRegistry}, and none is listed twice (null
 * and empty lists are left to {@code @NotNull}/{@code @Size}). The 422's field detail names the
 * unknown tools.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownToolNames.Validator.class)
public @interface KnownToolNames {
    String message() default "must name known tools, each once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** How many unknown names a message lists at most. */
    int SHOWN = 10;

    class Validator implements ConstraintValidator<KnownToolNames, List<String>> {
        @Override
        public boolean isValid(List<String> names, ConstraintValidatorContext context) {
            if (names == null || names.isEmpty()) {
                return true;
            }
            List<String> unknown = ToolRegistry.unknown(names);
            Set<String> seen = new HashSet<>();
            List<String> repeated = names.stream()
                    .filter(n -> n != null && !seen.add(n))
                    .distinct()
                    .toList();
            if (unknown.isEmpty() && repeated.isEmpty()) {
                return true;
            }
            String message = !unknown.isEmpty()
                    ? "unknown tool names: " + shown(unknown)
                    : "tool names listed more than once: " + shown(repeated);
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
            return false;
        }

        private static String shown(List<String> names) {
            String listed = names.stream()
                    .limit(SHOWN)
                    .map(n -> n == null ? "null" : n.length() > 100 ? n.substring(0, 100) + "…" : n)
                    .collect(Collectors.joining(", "));
            return names.size() > SHOWN ? listed + " and " + (names.size() - SHOWN) + " more" : listed;
        }

        /** The names come from the request: escape them so the validator does not read them as a template. */
        private static String literal(String text) {
            return text.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
