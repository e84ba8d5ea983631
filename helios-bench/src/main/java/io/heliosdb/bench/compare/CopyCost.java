package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time and heap allocation per row of {@code COPY items FROM STDIN} (text format) through the embedded
 * API, each COPY its own transaction, keys ascending as a bulk load's. The COPY text is built before the clock
 * starts, so only the server side of the copy is counted. Compare two builds by running it with each build's
 * jars first on the class path, alternately (see bench/copy-cost).
 *
 * <p>Usage: {@code CopyCost <engine: memory|rocksdb> [rows per copy] [copies]} with {@code -Dwarmup=N} uncounted
 * copies first (default 40).
 */
public final class CopyCost {

    private CopyCost() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "rocksdb";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Path dir = Files.createTempDirectory("helios-copycost");
        try (HeliosDB db = HeliosDB.open(HeliosEmbeddedTarget.config(engine, dir)); Session s = db.session()) {
            s.execute(Workload.ITEMS_DDL);
            long next = 0;
            for (int i = 0; i < Integer.getInteger("warmup", 40); i++) {
                s.copyIn("COPY items FROM STDIN", new StringReader(text(next, rows)));
                next += rows;
            }
            long[] cpu = new long[copies];
            long allocated = 0;
            for (int i = 0; i < copies; i++) {
                StringReader data = new StringReader(text(next, rows));
                next += rows;
                long before = mx.getCurrentThreadCpuTime();
                long bytes = mx.getThreadAllocatedBytes(thread);
                s.copyIn("COPY items FROM STDIN", data);
                cpu[i] = mx.getCurrentThreadCpuTime() - before;
                allocated += mx.getThreadAllocatedBytes(thread) - bytes;
            }
            Arrays.sort(cpu);
            System.out.printf("engine=%s rows_per_copy=%d copies=%d median_cpu_ns_per_row=%.0f alloc_bytes_per_row=%.0f%n",
                    engine, rows, copies, (double) cpu[copies / 2] / rows, (double) allocated / copies / rows);
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String text(long from, int rows) {
        StringBuilder out = new StringBuilder(rows * 24);
        for (long id = from; id < from + rows; id++) {
            out.append(id).append('\t').append(id % 100).append('\t').append(id * 3).append("\tn").append(id % 7)
                    .append('\n');
        }
        return out.toString();
    }
}
