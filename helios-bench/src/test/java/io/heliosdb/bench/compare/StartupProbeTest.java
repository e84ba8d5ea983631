package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupProbeTest {
    @TempDir
    Path tmp;

    /**
     * A stand-in launcher: {@code heliosdb-lite start --memory --port P --listen A} becomes this build's
     * ServeMemoryMain on port P, in a child JVM, so the probe's own process handling is what is tested.
     */
    private Path fakeLauncher(String name) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name));
        String classPath = System.getProperty("jdk.module.path", "") + File.pathSeparator
                + System.getProperty("java.class.path", "");
        Path script = root.resolve("heliosdb-lite");
        Files.writeString(script, "#!/usr/bin/env bash\n"
                + "[[ $1 == start && $2 == --memory && $3 == --port ]] || { echo \"unexpected arguments: $*\" >&2; exit 2; }\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + classPath
                + "' io.heliosdb.bench.compare.ServeMemoryMain \"$4\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return root;
    }

    @Test
    void startOnce_measuresTheFirstAnswer_andStopsTheServer() throws Exception {
        StartupProbe.Variant variant = StartupProbe.Variant.parse("fake=" + fakeLauncher("a"));
        StartupProbe.Sample sample = StartupProbe.startOnce(variant, false, tmp.resolve("run"));
        assertThat(sample.wallMs()).isPositive();
        // a JVM that answered a query has run code: its process CPU time cannot be zero
        assertThat(sample.cpuMs()).isPositive();
        assertThat(sample.acceptedMs()).isPositive().isLessThanOrEqualTo(sample.wallMs());
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(sample.jitMs()).as("read from /proc").isNotNaN().isGreaterThanOrEqualTo(0);
        }
        assertThat(Files.readString(tmp.resolve("run/server.log"))).contains("listening on 127.0.0.1:");
    }

    @Test
    void startOnce_namesTheLogWhenTheLauncherFails() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("broken"));
        Path script = root.resolve("heliosdb-lite");
        Files.writeString(script, "#!/usr/bin/env bash\necho 'no such thing' >&2\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> StartupProbe.startOnce(StartupProbe.Variant.parse(root.toString()), false,
                tmp.resolve("run")))
                .isInstanceOf(IOException.class).hasMessageContaining("broken: the server exited")
                .hasMessageContaining("server.log");
        assertThat(Files.readString(tmp.resolve("run/server.log"))).contains("no such thing");
    }

    @Test
    void variant_takesAnOptionalLabel() {
        assertThat(StartupProbe.Variant.parse("before=/tmp/x/").label()).isEqualTo("before");
        assertThat(StartupProbe.Variant.parse("before=/tmp/x/").root()).isEqualTo(Path.of("/tmp/x"));
        assertThat(StartupProbe.Variant.parse("/tmp/after").label()).isEqualTo("after");
    }

    @Test
    void summary_givesTheFirstAcceptedConnectionApart() {
        Map<StartupProbe.Variant, List<StartupProbe.Sample>> samples = new LinkedHashMap<>();
        samples.put(StartupProbe.Variant.parse("a=/a"), List.of(new StartupProbe.Sample(1000, 2000, 300, 410),
                new StartupProbe.Sample(1100, 2100, 300, 390), new StartupProbe.Sample(900, 1900, 300, 450)));
        assertThat(StartupProbe.summary(samples)).contains("accepted ms").contains("410 (390-450)");
    }

    @Test
    void summary_givesMediansAndRatiosToTheFirstVariant() {
        Map<StartupProbe.Variant, List<StartupProbe.Sample>> samples = new LinkedHashMap<>();
        samples.put(StartupProbe.Variant.parse("a=/a"), List.of(new StartupProbe.Sample(1000, 2000),
                new StartupProbe.Sample(1200, 2400), new StartupProbe.Sample(900, 1800)));
        samples.put(StartupProbe.Variant.parse("b=/b"), List.of(new StartupProbe.Sample(500, 1000),
                new StartupProbe.Sample(700, 900), new StartupProbe.Sample(400, 1100)));
        String out = StartupProbe.summary(samples);
        assertThat(out).contains("1000 (900-1200)").contains("2000 (1800-2400)")
                .contains("500 (400-700)").contains("x0.50 wall, x0.50 CPU of a");
    }
}
