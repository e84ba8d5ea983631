package io.heliosdb.bench.compare;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and heap allocation per inserted row of the {@code tx-1000-batch} workload: BEGIN, 1,000
 * prepared single-row INSERTs into {@code items} (queued with addBatch and run by executeBatch, as the
 * workload does), COMMIT; keys ascend across transactions as in the harness. The calling thread's CPU
 * is split into the INSERTs (bind, constraint checks, write buffer, encoding) and the COMMIT (batch
 * build, storage write and sync, lock release); the process's CPU adds the engine's own threads, GC
 * and JIT. Thread CPU hardly depends on machine load, so run two builds alternately and compare
 * medians: bench/insert-cost (fresh JVMs) or {@link InsertCostAB} (both builds in one JVM).
 *
 * <p>Usage: {@code InsertCost <target id> <transactions> [rows per transaction]} with
 * {@code -Dwarmup=N} uncounted transactions first (default 300: the JIT needs ~200,000 rows).
 */
public final class InsertCost {

    private InsertCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: InsertCost <target id> <transactions> [rows per transaction]");
            System.exit(2);
        }
        int transactions = Integer.parseInt(args[1]);
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        try (Runner runner = Runner.open(args[0])) {
            runner.run(Integer.getInteger("warmup", 300), rows);
            long processBefore = processCpuNanos();
            long started = System.nanoTime();
            long[] t = runner.run(transactions, rows);
            long wall = System.nanoTime() - started;
            long process = processCpuNanos() - processBefore;
            double n = (double) transactions * rows;
            System.out.printf("target=%s rows_per_tx=%d transactions=%d thread_cpu_ns=%.0f insert_cpu_ns=%.0f"
                            + " commit_cpu_ns=%.0f thread_sys_ns=%.0f process_cpu_ns=%.0f alloc_bytes=%.0f"
                            + " rows_per_s=%.0f%n",
                    args[0], rows, transactions, (t[0] + t[1]) / n, t[0] / n, t[1] / n,
                    (t[0] + t[1] - t[2]) / n, process / n, t[3] / n, n / (wall / 1e9));
        }
    }

    /**
     * A fresh database of one target with the empty {@code items} table and the prepared INSERT. Only
     * JDK types cross its public methods, so {@link InsertCostAB} can drive two builds' copies of it.
     */
    public static final class Runner implements AutoCloseable {
        private final Path dir;
        private final Target.Instance instance;
        private final DbClient client;
        private final DbClient.Stmt insert;
        private long nextId;

        private Runner(Path dir, Target.Instance instance, DbClient client, DbClient.Stmt insert) {
            this.dir = dir;
            this.instance = instance;
            this.client = client;
            this.insert = insert;
        }

        public static Runner open(String targetId) throws Exception {
            Path dir = Files.createTempDirectory("helios-insertcost");
            Target.Instance instance = TargetCatalog.byId(targetId, 0).open(dir);
            DbClient client = instance.connect();
            client.execute(Workload.ITEMS_DDL);
            return new Runner(dir, instance, client, client.prepare(Workload.INSERT_ITEM));
        }

        /**
         * Runs {@code transactions} transactions of {@code rows} INSERTs; returns the calling thread's
         * nanoseconds of CPU in the INSERTs and in the COMMITs, its user-mode CPU, and its allocated bytes.
         */
        public long[] run(int transactions, int rows) throws Exception {
            var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            long user = mx.getCurrentThreadUserTime();
            long allocated = mx.getThreadAllocatedBytes(thread);
            long insertNanos = 0;
            long commitNanos = 0;
            for (int tx = 0; tx < transactions; tx++) {
                long start = mx.getCurrentThreadCpuTime();
                client.begin();
                for (int r = 0; r < rows; r++) {
                    long id = nextId++;
                    insert.addBatch((int) id, (int) (id % 100), id, "n");
                }
                insert.executeBatch();
                long inserted = mx.getCurrentThreadCpuTime();
                client.commit();
                long committed = mx.getCurrentThreadCpuTime();
                insertNanos += inserted - start;
                commitNanos += committed - inserted;
            }
            return new long[] {insertNanos, commitNanos, mx.getCurrentThreadUserTime() - user,
                mx.getThreadAllocatedBytes(thread) - allocated};
        }

        @Override
        public void close() throws Exception {
            try {
                insert.close();
                client.close();
                instance.close();
            } finally {
                try (var paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
