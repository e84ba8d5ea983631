package io.heliosdb.storage.lmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native memory safety of the LMDB engine, each case in a child JVM ({@link LmdbStressChild}) so that
 * a SIGSEGV fails the test instead of killing Surefire.
 *
 * <p>The SIGSEGV once seen in {@code mdb_put} under StorageIsolationTck came from lmdbjava 0.9.1's
 * {@code ByteArrayProxy}, which leaves the native copy of a key or value unreachable during the LMDB
 * call (see {@link PinnedByteArrayProxy}); map growth was not involved: it already waits for every
 * call into the map, and cursors re-seek after it.
 */
class LmdbNativeMemoryTest {

    @TempDir
    Path dir;

    @Test
    void stockProxy_letsGarbageCollectionFreeTheCopyLmdbIsAboutToRead() throws Exception {
        Result result = child("proxy-gc", "stock");
        // freed memory reads back damaged (glibc reuses its first bytes) or is unmapped (SIGSEGV)
        assertThat(result.exit).as(result.describe()).isNotZero();
    }

    @Test
    void pinnedProxy_keepsTheCopiesAliveThroughGarbageCollection() throws Exception {
        Result result = child("proxy-gc", "pinned");
        assertThat(result.exit).as(result.describe()).isZero();
        assertThat(result.stdout).contains("damaged 0 of 16").endsWith("ok\n");
    }

    @Test
    void growingMapUnderConcurrentScansViewsAndGc_neverCrashesNorCorruptsAValue() throws Exception {
        Result result = child("stress", "pinned", "3", "own");
        assertThat(result.exit).as(result.describe()).isZero();
        assertThat(result.stdout).endsWith("ok\n");
    }

    @Test
    void growingMapUnderConcurrentScansViewsAndGc_withPooledScanTransactions_neverCrashesNorCorruptsAValue()
            throws Exception {
        Result result = child("stress", "pinned", "3", "pooled");
        assertThat(result.exit).as(result.describe()).isZero();
        assertThat(result.stdout).endsWith("ok\n");
    }

    private record Result(int exit, String stdout, String stderr) {
        String describe() {
            return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private Result child(String... args) throws Exception {
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx128m",
                "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-XX:-CreateCoredumpOnCrash",
                "-cp", childClassPath(), LmdbStressChild.class.getName()));
        command.add(args[0]);
        command.add(args[1]);
        command.add(dir.resolve("data").toString());
        for (int i = 2; i < args.length; i++) {
            command.add(args[i]);
        }
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        return new Result(child.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire's module path and class path plus this module's patched test classes, as one class path. */
    private static String childClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.add(value);
            }
        }
        var source = LmdbStressChild.class.getProtectionDomain().getCodeSource();
        entries.add(source != null && source.getLocation() != null
                ? Path.of(source.getLocation().toURI()).toString()
                : Path.of("target", "test-classes").toAbsolutePath().toString());
        return String.join(File.pathSeparator, entries);
    }
}
