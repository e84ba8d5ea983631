package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The data sets of a run, each built once per on-disk format and copied for every run that reads it.
 * A reading workload (point selects, scans, join) needs a million rows; loading them in each of three
 * rounds of each pair took most of a full run. So each system whose database lives in files builds the
 * data set once, in its own JVM, with its own bulk path, and closes cleanly; every run then gets a
 * fresh copy of those files in a fresh directory, opened by a fresh JVM. That is fair because every
 * file-based system gets the same treatment (its own files, written by itself, opened the way an
 * application reopens its database), the copy is made before the JVM starts and is never timed, and a
 * workload that changes the data (pgbench's tpcb-like) still starts every run from the pristine copy.
 * PostgreSQL copies with {@code CREATE DATABASE ... TEMPLATE}. In-memory systems cannot be copied:
 * they load in every run, as before ({@link BulkLoad} keeps that short).
 */
final class DataSets {
    private final Path root;
    /** Key → the built copy's directory; a key that failed to build maps to null (its runs load their own). */
    private final Map<String, Path> built = new HashMap<>();

    DataSets(Path root) {
        this.root = root;
    }

    /**
     * The data set a pair reads, e.g. {@code helios-rocksdb/items} or {@code postgres/pgbench}; {@code null}
     * when the workload writes into empty tables or the target keeps its data in memory.
     */
    static String key(Target target, Workload workload) {
        String format = target.dataSetKey();
        if (format == null) {
            return null;
        }
        if (workload.pgbench() != null) {
            return format + "/pgbench";
        }
        return workload.readsDataSet() ? format + "/items" : null;
    }

    boolean tried(String key) {
        return built.containsKey(key);
    }

    /** Where the data set {@code key} is built; PostgreSQL's is a template database named after the key. */
    Path prepare(String key, Target target) throws IOException {
        Path dir = root.resolve(key.replaceAll("[^A-Za-z0-9]+", "-")).resolve("db");
        Files.createDirectories(dir);
        if (target instanceof PostgresTarget) {
            Files.writeString(dir.resolve(PostgresTarget.KEEP_FILE), templateName(key));
        }
        return dir;
    }

    static String templateName(String key) {
        return "tmpl_" + key.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    }

    void record(String key, Path dir, boolean ok) {
        built.put(key, ok ? dir : null);
    }

    /** The built copy of {@code key}, or {@code null} when there is none (the run then loads its own data). */
    Path copyOf(String key) {
        return key == null ? null : built.get(key);
    }

    /** Copies a built data set to {@code target} (which must not exist); {@code cp} keeps LMDB's sparse file sparse. */
    static void copy(Path from, Path to) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("cp", "-a", "--reflink=auto", from.toString(), to.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("could not copy " + from + " to " + to);
        }
    }
}
