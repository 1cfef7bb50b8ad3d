package io.aether.api.agent;

import io.aether.domain.tool.ToolRegistry;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** Every name in the list is a tool of {@link ToolRegistry} (null: not given). A 422 with the field otherwise. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownTools.Validator.class)
public @interface KnownTools {
    String message() default "unknown tool";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownTools, List<String>> {
        @Override
        public boolean isValid(List<String> tools, ConstraintValidatorContext context) {
            return UnknownNames.check(tools, ToolRegistry::isKnown, "tool", context);
        }
    }
}
