package io.aether.bench;

/** A benchmark step failed; the message says which and why. Aborts the run. */
final class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
