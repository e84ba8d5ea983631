package io.heliosdb.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time and heap allocation per durable single-row autocommit INSERT, measured in ways that
 * hardly depend on machine load: the session threads' own CPU time (user and kernel, so the
 * leader's fdatasync counts), the whole process's CPU time (adds RocksDB's native threads, GC and
 * JIT), and the bytes the session threads allocated. One line per run, so that a script can
 * alternate two builds (A B A B ...) and take medians; see bench/commit-cost.
 *
 * <p>Usage: {@code CommitCost <target id> <sessions> <commits>} with {@code -Dwarmup=N}
 * uncounted commits first (default 3000).
 */
public final class CommitCost {

    private CommitCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CommitCost <target id> <sessions> <commits>");
            System.exit(2);
        }
        Target target = TargetCatalog.byId(args[0], 0);
        int sessions = Integer.parseInt(args[1]);
        int commits = Integer.parseInt(args[2]);
        int warmup = Integer.getInteger("warmup", 3000);
        Path dir = Files.createTempDirectory("helios-commitcost");
        try (Target.Instance instance = target.open(dir)) {
            List<DbClient> clients = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                clients.add(instance.connect());
            }
            clients.get(0).execute(Workload.ITEMS_DDL);
            AtomicLong ids = new AtomicLong(-warmup);
            SessionInserts.run(clients, ids, 0, new SessionInserts.Costs());
            ids.set(0);
            SessionInserts.Costs t = new SessionInserts.Costs();
            Map<String, Double> statsBefore = kernelStats(clients.get(0));
            long processBefore = SessionInserts.processCpuNanos();
            long started = System.nanoTime();
            SessionInserts.run(clients, ids, commits, t);
            long wall = System.nanoTime() - started;
            long process = SessionInserts.processCpuNanos() - processBefore;
            Map<String, Double> statsAfter = kernelStats(clients.get(0));
            double n = commits;
            System.out.printf("target=%s sessions=%d commits=%d thread_cpu_us=%.1f thread_user_us=%.1f"
                            + " thread_sys_us=%.1f process_cpu_us=%.1f alloc_bytes=%.0f vcsw=%.2f%s wall_s=%.2f%n",
                    args[0], sessions, commits, t.cpu.sum() / n / 1e3, t.user.sum() / n / 1e3,
                    (t.cpu.sum() - t.user.sum()) / n / 1e3, process / n / 1e3, t.allocated.sum() / n,
                    t.voluntarySwitches.sum() / n, groupFigures(statsBefore, statsAfter, wall), wall / 1e9);
            for (DbClient c : clients) {
                c.close();
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The kernel's counters for an embedded HeliosDB session; empty for other systems. */
    private static Map<String, Double> kernelStats(DbClient client) {
        return client instanceof HeliosClient h ? HeliosStats.read(h.session()) : Map.of();
    }

    /**
     * Commit groups over the measured run, from the kernel's counters: commits per group (per sync when
     * commits are durable), each group's storage write with its sync, and the share of the wall time a
     * group write was in flight (how busy the commit pipeline kept the disk).
     */
    private static String groupFigures(Map<String, Double> before, Map<String, Double> after, long wallNanos) {
        double groups = HeliosStats.delta(before, after, "commit_groups_total");
        if (groups <= 0) {
            return "";
        }
        double commits = HeliosStats.delta(before, after, "commits_total");
        double writeSeconds = HeliosStats.delta(before, after, "commit_write_seconds_total");
        return String.format(" commits_per_group=%.2f write_us_per_group=%.1f write_busy=%.2f commit_latency_us=%.1f",
                commits / groups, writeSeconds / groups * 1e6, writeSeconds / (wallNanos / 1e9),
                HeliosStats.delta(before, after, "commit_seconds_total") / commits * 1e6);
    }
}
