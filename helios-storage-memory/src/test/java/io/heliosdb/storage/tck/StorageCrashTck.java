package io.heliosdb.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with kill -9 and checks that every write it saw acknowledged is there.
 * Every persistent engine runs it by subclassing it once.
 */
public abstract class StorageCrashTck {

    private static final Pattern ACK = Pattern.compile("ack (k\\d{8})");
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    /** The engine under test (it must claim {@code PERSISTENT}). */
    protected abstract StorageEngineProvider provider();

    private StorageConfig config(Path data) {
        return StorageConfig.defaults().withPath(data).withEngine(provider().name());
    }

    @Test
    public void killedWriter_losesNoAcknowledgedBatch_andHeldDirectoryCannotBeOpened() throws Exception {
        Path data = dir.resolve("data");
        Process child = new ProcessBuilder(javaBinary(), "-cp", childClassPath(), CrashWriter.class.getName(),
                provider().name(), data.toString())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
        Thread reader = new Thread(() -> readAcks(child, acked, enough), "crash-writer-stdout");
        reader.start();
        try {
            boolean reached = enough.await(120, TimeUnit.SECONDS);
            assertThat(reached).as("child acknowledged %d batches; stderr: %s", acked.size(), childErr()).isTrue();

            String directory = data.toRealPath().toString();
            assertThatThrownBy(() -> provider().open(config(data)).close())
                    .isInstanceOfSatisfying(HeliosException.class, e -> {
                        assertThat(e.sqlState()).isIn(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, SqlState.IO_ERROR);
                        assertThat(e.getMessage()).contains(directory);
                    });
        } finally {
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
            // child's stdout and drop the acknowledgements still in the pipe, the newest ones, which
            // are the likeliest to be lost by a durability bug
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        List<String> acknowledged = new ArrayList<>(acked);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        try (StorageEngine reopened = provider().open(config(data))) {
            Set<String> stored = new LinkedHashSet<>(Bytes.textKeys(reopened, "crash", null, null, false));
            assertThat(stored).containsAll(acknowledged);
            // each batch wrote both keyspaces: neither may hold a key the other lacks
            assertThat(Bytes.textKeys(reopened, "crash-mirror", null, null, false)).containsExactlyElementsOf(stored);
        }
    }

    private static void readAcks(Process child, ConcurrentLinkedQueue<String> acked, CountDownLatch enough) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                var m = ACK.matcher(line);
                if (m.matches()) { // a line cut short by the kill is not an acknowledgement
                    acked.add(m.group(1));
                    enough.countDown();
                }
            }
        } catch (java.io.IOException e) {
            // the pipe breaks when the child dies: everything read so far counts
        }
    }

    private String childErr() {
        try {
            return Files.readString(dir.resolve("child.err"));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The child runs on the plain class path (module-info is then ignored), from the same jars and
     * classes as this test JVM: Surefire's module path, its class path, and the patched test classes.
     */
    private static String childClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.add(value);
            }
        }
        var source = CrashWriter.class.getProtectionDomain().getCodeSource();
        entries.add(source != null && source.getLocation() != null
                ? Path.of(source.getLocation().toURI()).toString()
                : Path.of("target", "test-classes").toAbsolutePath().toString());
        return String.join(File.pathSeparator, entries);
    }
}
