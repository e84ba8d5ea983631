package io.heliosdb.core.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch insert whose commit was acknowledged survives kill -9 whole, and no batch is ever found in part: a
 * child commits batches ({@link BatchCrashChild}), the parent kills it after a number of acknowledgements,
 * reopens the directory and counts each batch's rows, then starts the next child on the same directory.
 */
class BatchCrashTest {
    private static final String ENGINE = "rocksdb";
    private static final int KILLS = 4;
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    /** The code the children run, copied once (see {@link FrozenClassPath}). */
    private static FrozenClassPath classPath;

    @BeforeAll
    static void freezeClassPath(@TempDir Path copy) {
        classPath = FrozenClassPath.copy(BatchCrashChild.class, copy);
    }

    private HeliosDB open(Path data) {
        return CrashDatabases.open(data, ENGINE);
    }

    @Test
    void killedProcess_keepsEveryAcknowledgedBatchWhole_andNoBatchInPart() throws Exception {
        Path data = dir.resolve("db");
        try (HeliosDB db = open(data); Session s = db.session()) {
            s.execute("create table b (id bigint primary key, batch bigint not null)");
        }
        TreeSet<Long> acknowledged = new TreeSet<>();
        for (int i = 0; i < KILLS; i++) {
            int killAfter = 3 + 7 * i;
            long first = (i + 1) * 10_000L;
            try (ChildJvm child = ChildJvm.start(classPath, BatchCrashChild.class, dir.resolve("child-" + i + ".err"),
                    data.toString(), ENGINE, Long.toString(first))) {
                assertThat(next(child)).isEqualTo("READY");
                for (int n = 0; n < killAfter; n++) {
                    record(child, next(child), acknowledged);
                }
                for (String line : child.kill()) {
                    record(child, line, acknowledged);
                }
            }
            int kill = i;
            try (HeliosDB db = open(data); Session s = db.session()) {
                Map<Long, Long> rowsPerBatch = new HashMap<>();
                for (Row r : s.execute("select batch, count(*) from b group by batch").toList()) {
                    rowsPerBatch.put((Long) r.get(0), (Long) r.get(1));
                }
                rowsPerBatch.forEach((batch, rows) -> assertThat(rows)
                        .as("batch %d after kill %d", batch, kill).isEqualTo(BatchCrashChild.ROWS));
                for (long batch : acknowledged) {
                    assertThat(rowsPerBatch).as("acknowledged batch %d after kill %d", batch, i).containsKey(batch);
                }
                long wrong = (Long) s.execute("select count(*) from b where id / " + BatchCrashChild.ROWS
                        + " <> batch").toList().get(0).get(0);
                assertThat(wrong).isZero();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * 3);
    }

    private static String next(ChildJvm child) throws InterruptedException {
        String line = child.nextLine(WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null || line.equals(ChildJvm.END)) {
            fail("child %d stopped talking; stderr:%n%s", child.pid(), child.stderrText());
        }
        return line;
    }

    private static void record(ChildJvm child, String line, TreeSet<Long> acknowledged) {
        if (line.startsWith("ERR")) {
            fail("child reported %s; stderr:%n%s", line, child.stderrText());
        }
        if (line.startsWith("ACK ")) {
            acknowledged.add(Long.parseLong(line.substring(4)));
        }
    }
}
