package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSyncRateTest {
    @TempDir
    Path dir;

    @Test
    void measure_syncsAndLeavesNoFile() throws Exception {
        double rate = DiskSyncRate.measure(dir, 50);
        assertThat(rate).isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void describe_namesTheRateOrWhyNot() {
        assertThat(DiskSyncRate.describe(dir)).startsWith("disk: ").contains("syncs/s");
        assertThat(DiskSyncRate.describe(dir.resolve("missing"))).startsWith("disk sync rate not measured");
    }
}
