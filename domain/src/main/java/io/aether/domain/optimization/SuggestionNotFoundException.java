package io.aether.domain.optimization;

import io.aether.domain.ErrorKind;

/** There is no suggestion with this id (or the id is not a UUID). */
public class SuggestionNotFoundException extends RuntimeException implements ErrorKind.Carrier {
    public SuggestionNotFoundException(String id) {
        super("Suggestion not found: " + id);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
