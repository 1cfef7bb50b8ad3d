package io.aether.domain.settings;

import io.aether.domain.ErrorKind;
import java.util.List;

/** A settings change names an unknown section or key, or a value outside its range. */
public class InvalidSettingsException extends RuntimeException implements ErrorKind.Carrier {
    public InvalidSettingsException(List<String> problems) {
        super("Invalid settings: " + String.join("; ", problems));
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION;
    }
}
