package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each spec in src/test/resources/isolation on both engines (and rocksdb with the row cache) and compares the output with the
 * checked-in {@code .out} file (a mismatch leaves the actual output under target/isolation-actual).
 */
class IsolationSpecTest {

    @TempDir
    Path dir;

    static Stream<Arguments> specs() {
        return IsolationSpec.ALL.stream().flatMap(s -> Stream.of(Arguments.of(s, "memory"), Arguments.of(s, "rocksdb"),
                Arguments.of(s, TestDatabases.CACHED), Arguments.of(s, TestDatabases.COMPACT_CACHED)));
    }

    @Test
    void everySpecFile_isInTheList() throws Exception {
        Path specs = Path.of(IsolationSpecTest.class.getResource("/isolation").toURI());
        try (Stream<Path> files = Files.list(specs)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".spec"))
                    .map(n -> n.substring(0, n.length() - ".spec".length())))
                    .containsExactlyInAnyOrderElementsOf(IsolationSpec.ALL);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("specs")
    void spec_matchesExpectedOutput(String name, String engine) throws Exception {
        IsolationSpec spec = IsolationSpec.parse(name, resource(name + ".spec"));
        AtomicInteger runs = new AtomicInteger();
        String actual = new IsolationRunner(spec, () -> TestDatabases.open(engine,
                dir.resolve("db" + runs.incrementAndGet()))).run();
        String expected = resource(name + ".out");
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "isolation-actual", name + ".out");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IsolationSpecTest.class.getResourceAsStream("/isolation/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
