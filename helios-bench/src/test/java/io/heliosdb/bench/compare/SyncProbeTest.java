package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncProbeTest {
    @TempDir
    Path dir;

    @Test
    void main_runsEveryCommitOverAllSessions_andReportsPerCommitCounters() throws Exception {
        String out = stdoutOf(() -> SyncProbe.main(new String[] {"helios-rocks", "3", "20"}));
        assertThat(out).contains("target=helios-rocks sessions=3 commits=20").contains("cpu_us/commit=");
        if (Files.exists(Path.of("/proc/self/io"))) {
            // a durable commit writes its WAL record: more than nothing per commit
            assertThat(out).containsPattern("wchar/commit=[1-9]");
        }
    }

    @Test
    void appendSyncCost_measuresBothModes_andLeavesNoFile() throws Exception {
        String out = stdoutOf(() -> AppendSyncCost.main(new String[] {dir.toString(), "5", "1", "64"}));
        assertThat(out).contains("append    + force(false)").contains("overwrite + force(false)");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private static String stdoutOf(Body body) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
