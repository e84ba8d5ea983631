package io.heliosdb.cli.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.core.isolation.IsolationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * helios-core's isolation specs (from its test-jar) through pgJDBC against a server in Server and in
 * Hybrid mode, compared with the same checked-in {@code .out} files the kernel run uses (a mismatch
 * leaves the actual output under target/isolation-actual).
 */
class ServerIsolationSpecTest {

    @TempDir
    Path dir;

    static Stream<Arguments> specs() {
        return IsolationSpec.ALL.stream().flatMap(s -> Stream.of(Arguments.of(s, DeploymentMode.SERVER),
                Arguments.of(s, DeploymentMode.HYBRID)));
    }

    @ParameterizedTest(name = "{0} in {1} mode")
    @MethodSource("specs")
    void spec_throughPgJdbc_matchesTheKernelsExpectedOutput(String name, DeploymentMode mode) throws Exception {
        IsolationSpec spec = IsolationSpec.parse(name, resource(name + ".spec"));
        AtomicInteger runs = new AtomicInteger();
        String actual = new JdbcIsolationRunner(spec, () -> ServedDatabase.start(mode,
                dir.resolve("db" + runs.incrementAndGet()))).run();
        String expected = resource(name + ".out");
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "isolation-actual", name + "-" + mode + ".out");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    /** The specs ship in helios-core's test-jar, read through its (unnamed-module) class. */
    private static String resource(String name) throws IOException {
        try (InputStream in = IsolationSpec.class.getResourceAsStream("/isolation/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
