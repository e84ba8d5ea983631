package io.heliosdb.core.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sequence never hands out a value twice, also across kill -9 and restart: a child draws values
 * and reports each; after each kill the parent (and the next child) must only ever see new ones.
 */
class SequenceCrashTest {
    private static final String ENGINE = "rocksdb";
    private static final int KILLS = 4;
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    /** The code the children run, copied once (see {@link FrozenClassPath}). */
    private static FrozenClassPath classPath;

    @BeforeAll
    static void freezeClassPath(@TempDir Path copy) {
        classPath = FrozenClassPath.copy(SequenceCrashChild.class, copy);
    }

    private HeliosDB open(Path data) {
        return CrashDatabases.open(data, ENGINE);
    }

    @Test
    void killedProcess_neverHandsOutAValueTwice() throws Exception {
        Path data = dir.resolve("db");
        try (HeliosDB db = open(data); Session s = db.session()) {
            s.execute("create sequence s");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < KILLS; i++) {
            int killAfter = 10 + 17 * i;
            try (ChildJvm child = ChildJvm.start(classPath, SequenceCrashChild.class, dir.resolve("child-" + i + ".err"),
                    data.toString(), ENGINE)) {
                assertThat(next(child)).isEqualTo("READY");
                for (int n = 0; n < killAfter; n++) {
                    record(child, next(child), seen);
                }
                for (String line : child.kill()) {
                    record(child, line, seen);
                }
            }
            try (HeliosDB db = open(data); Session s = db.session()) {
                long after = (Long) s.execute("select nextval('s')").toList().get(0).get(0);
                assertThat(seen).as("after kill %d", i).doesNotContain(after);
                assertThat(after).isGreaterThan(seen.stream().mapToLong(Long::longValue).max().orElse(0));
                seen.add(after);
            }
        }
    }

    private static String next(ChildJvm child) throws InterruptedException {
        String line = child.nextLine(WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null || line.equals(ChildJvm.END)) {
            fail("child %d stopped talking; stderr:%n%s", child.pid(), child.stderrText());
        }
        return line;
    }

    private static void record(ChildJvm child, String line, Set<Long> seen) {
        if (line.startsWith("ERR")) {
            fail("child reported %s; stderr:%n%s", line, child.stderrText());
        }
        if (line.startsWith("VAL ")) {
            long value = Long.parseLong(line.substring(4));
            if (!seen.add(value)) {
                fail("value %d was handed out twice", value);
            }
        }
    }
}
