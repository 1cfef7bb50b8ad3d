package io.aether.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md names every event: each class in {@code io.aether.domain} with {@code @Revision}
 * (every stored event has one) must have its {@code ### Name} section there, and its revision must
 * be the one the section states.
 */
class EventCatalogueTest {

    @Test
    void everyEventOfTheDomainIsInTheCatalogueWithItsRevision() throws IOException {
        String catalogue = Files.readString(Path.of("..", "docs", "events.md"));
        List<JavaClass> events = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.aether.domain")
                        .stream()
                        .filter(c -> c.isAnnotatedWith(Revision.class))
                        .toList();
        assertThat(events).hasSizeGreaterThan(20);
        List<String> missing = events.stream()
                .filter(c -> !catalogue.contains("\n### " + c.getSimpleName() + "\nRevision "
                        + c.getAnnotationOfType(Revision.class).value() + "."))
                .map(c -> c.getName() + " (revision "
                        + c.getAnnotationOfType(Revision.class).value() + ")")
                .toList();
        assertThat(missing).as("events without their section in docs/events.md").isEmpty();
    }
}
