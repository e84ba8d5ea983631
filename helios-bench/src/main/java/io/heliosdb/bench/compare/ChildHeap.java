package io.heliosdb.bench.compare;

import java.util.List;
import java.util.Set;

/**
 * The heap of each JVM the harness starts, sized to what the system keeps in it. A measured JVM commits its
 * whole heap at start-up and touches it ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}; see
 * {@link CompareMain#heapFlags} for why), which costs ~6.6 s of CPU per GB on this kind of machine, so a
 * heap bigger than its system needs only lengthens the run:
 * <ul>
 *   <li>in-memory systems in the JVM (HeliosDB Memory-only, embedded or as Server, H2 in memory) hold the
 *       whole data set and what the writes add: the scale's heap ({@link CompareMain#heapFlags});
 *   <li>file-based systems in the JVM (HeliosDB on RocksDB or LMDB, embedded, Server or Hybrid; H2 on a file)
 *       keep their data in files and off-heap caches, their heap holds a cache of at most a tenth of the table
 *       (Hybrid) or H2's page cache: at most {@link #FILES_MAX} (the full run's 2 GB halved), the same for all
 *       of them;
 *   <li>SQLite and DuckDB keep their data in native memory, PostgreSQL and the launched
 *       {@code heliosdb-lite} in processes of their own: their JVM holds a JDBC driver and the harness,
 *       {@link #DRIVER_ONLY}.
 * </ul>
 * Every measured heap is still committed and touched up front, so no first touch of a page lands in a
 * measurement. The JVMs that build data sets are not measured: the scale's maximum, not touched up front.
 */
final class ChildHeap {
    /** A JDBC driver's heap: the driver, the harness and per-operation garbage. */
    static final String DRIVER_ONLY = "256m";
    /** The most a file-based system in the JVM gets. */
    static final String FILES_MAX = "1g";
    /** The targets whose data live in the measured JVM's heap. */
    private static final Set<String> IN_MEMORY = Set.of("helios-mem", "helios-server-mem", "h2-mem");
    /** The targets whose data live outside the measured JVM. */
    private static final Set<String> NATIVE_OR_OUT_OF_PROCESS = Set.of("sqlite-mem", "sqlite-file", "duckdb-mem",
            "postgres", "helios-launcher");

    private ChildHeap() {
    }

    /** Whether the target runs its engine in the measured JVM (its heap then holds the engine's objects). */
    static boolean engineInJvm(String targetId) {
        return !NATIVE_OR_OUT_OF_PROCESS.contains(targetId);
    }

    /** The heap size of a measured JVM of {@code targetId}, e.g. {@code 1g}. */
    static String size(Scale scale, String targetId) {
        String scaleHeap = CompareMain.heapFlags(scale).get(1).substring("-Xmx".length());
        if (!engineInJvm(targetId)) {
            return DRIVER_ONLY;
        }
        return IN_MEMORY.contains(targetId) || megabytes(scaleHeap) <= megabytes(FILES_MAX) ? scaleHeap : FILES_MAX;
    }

    /** The heap flags of a measured JVM of {@code targetId}. */
    static List<String> forRun(Scale scale, String targetId) {
        String size = size(scale, targetId);
        return List.of("-Xms" + size, "-Xmx" + size, "-XX:+AlwaysPreTouch");
    }

    /** The heap flags of a JVM that builds a data set: the scale's maximum, not touched up front. */
    static List<String> forBuild(Scale scale) {
        return CompareMain.heapFlags(scale).stream().filter(f -> f.startsWith("-Xmx")).toList();
    }

    /** One line for the report: which heap each kind of system got. */
    static String describe(Scale scale) {
        return "-Xms = -Xmx, -XX:+AlwaysPreTouch: " + size(scale, "helios-mem") + " for the in-memory systems in the JVM"
                + " (HeliosDB Memory-only, H2 in memory), " + size(scale, "helios-rocks") + " for the file-based ones"
                + " in the JVM (HeliosDB on RocksDB/LMDB, Server, Hybrid, H2 on a file), " + size(scale, "postgres")
                + " where the JVM holds only a driver (SQLite, DuckDB, PostgreSQL, helios-launcher)";
    }

    private static long megabytes(String size) {
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return size.endsWith("g") ? n * 1024 : n;
    }
}
