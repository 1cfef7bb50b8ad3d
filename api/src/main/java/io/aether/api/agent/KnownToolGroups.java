package io.aether.api.agent;

import io.aether.api.toolgroup.ToolGroupDirectory;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** Every name in the list is an existing tool group ({@link ToolGroupDirectory}; null: not given). A 422 with the field otherwise. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownToolGroups.Validator.class)
public @interface KnownToolGroups {
    String message() default "unknown tool group";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's validator factory, so the directory is injected. */
    class Validator implements ConstraintValidator<KnownToolGroups, List<String>> {
        private final ToolGroupDirectory directory;

        public Validator(ToolGroupDirectory directory) {
            this.directory = directory;
        }

        @Override
        public boolean isValid(List<String> groups, ConstraintValidatorContext context) {
            return UnknownNames.check(groups, directory::exists, "tool group", context);
        }
    }
}
