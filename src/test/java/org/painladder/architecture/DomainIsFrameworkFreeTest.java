package org.painladder.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The clinical core stays plain Java so it can be read, tested and reused without Quarkus (architecture.md). */
class DomainIsFrameworkFreeTest {

    private static final Path DOMAIN = Path.of("src/main/java/org/painladder/domain");
    private static final Pattern FRAMEWORK_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?(jakarta|javax|io\\.quarkus|org\\.hibernate|io\\.smallrye|io\\.vertx|"
                    + "com\\.fasterxml|org\\.eclipse\\.microprofile|org\\.jboss|org\\.painladder\\.(api|app|persistence|"
                    + "security|interop|web))\\.", Pattern.MULTILINE);

    @Test
    void domainImportsNoFrameworkAndNoOuterLayer() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(DOMAIN)) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(DomainIsFrameworkFreeTest::importsFramework)
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offenders, "domain/ must not import frameworks or outer layers");
    }

    @Test
    void theGuardRecognisesAFrameworkImport() {
        assertEquals(true, FRAMEWORK_IMPORT.matcher("package x;\nimport jakarta.inject.Inject;\n").find());
        assertEquals(true, FRAMEWORK_IMPORT.matcher("import io.quarkus.runtime.Startup;").find());
        assertEquals(false, FRAMEWORK_IMPORT.matcher("import java.time.Clock;").find());
    }

    private static boolean importsFramework(Path file) {
        try {
            return FRAMEWORK_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
