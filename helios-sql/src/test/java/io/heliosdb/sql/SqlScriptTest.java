package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script in src/test/resources/scripts against the in-memory context. The scripts are
 * discovered, not listed, so a new one cannot be left out (as happened with hand-kept lists).
 */
class SqlScriptTest {

    /** Listed from the sources (not target/test-classes, which can hold files of an older checkout). */
    static Stream<String> scripts() throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "scripts");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted().toList();
            assertThat(names).as("scripts in " + dir).hasSizeGreaterThan(10);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void script_matchesExpectedOutput(String name) throws IOException {
        List<String> failures = new ScriptRunner().run("/scripts/" + name);
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    }
}
