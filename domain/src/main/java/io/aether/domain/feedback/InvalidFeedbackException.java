package io.aether.domain.feedback;

import io.aether.domain.ErrorKind;
import java.util.List;

/** A rating or grade that breaks the rules; nothing was recorded. */
public class InvalidFeedbackException extends RuntimeException implements ErrorKind.Carrier {
    private final List<String> problems;

    public InvalidFeedbackException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}
