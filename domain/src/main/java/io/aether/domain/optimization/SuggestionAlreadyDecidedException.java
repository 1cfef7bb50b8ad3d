package io.aether.domain.optimization;

import io.aether.domain.ErrorKind;
import java.util.UUID;

/** The suggestion was accepted or rejected already: that decision is final. */
public class SuggestionAlreadyDecidedException extends RuntimeException implements ErrorKind.Carrier {
    public SuggestionAlreadyDecidedException(UUID id, SuggestionStatus status) {
        super("Suggestion " + id + " is already " + status.wire());
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}
