package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable-commit workload without timing: {@code sessions} sessions do {@code commits}
 * single-row autocommit inserts in all, then print what the process handed to the kernel
 * ({@code /proc/self/io}) per commit. Throughput on a loaded machine says little; the syscalls and
 * bytes a commit costs do not depend on load, so bench/syscalls-per-commit runs this under
 * {@code strace -c} twice (with 0 and with N commits) and divides the difference by N.
 *
 * <p>Usage: {@code SyncProbe <target id> <sessions> <commits> [postgres port]}, e.g.
 * {@code java -Dwarmup=2000 ... SyncProbe helios-rocks 16 2000} (warm-up commits are not counted).
 */
public final class SyncProbe {

    private SyncProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SyncProbe <target id> <sessions> <commits> [postgres port]");
            System.exit(2);
        }
        Target target = TargetCatalog.byId(args[0], args.length > 3 ? Integer.parseInt(args[3]) : 0);
        int sessions = Integer.parseInt(args[1]);
        int commits = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("helios-syncprobe");
        try (Target.Instance instance = target.open(dir)) {
            List<DbClient> clients = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                clients.add(instance.connect());
            }
            clients.get(0).execute(Workload.ITEMS_DDL);
            // Warm-up commits (JIT, first keyspace writes) are left out of the counters below; the
            // script gives both of its runs the same warm-up, so strace's difference leaves them out too.
            int warmup = Integer.getInteger("warmup", 0);
            AtomicLong ids = new AtomicLong(-warmup);
            SessionInserts.run(clients, ids, 0, null);
            ids.set(0); // each session's last, unused draw overshot
            Map<String, Long> before = procIo();
            long cpuBefore = SessionInserts.processCpuNanos();
            long started = System.nanoTime();
            SessionInserts.run(clients, ids, commits, null);
            long nanos = System.nanoTime() - started;
            long cpu = SessionInserts.processCpuNanos() - cpuBefore;
            Map<String, Long> after = procIo();
            double n = Math.max(commits, 1);
            System.out.printf("target=%s sessions=%d commits=%d seconds=%.2f%n", args[0], sessions, commits, nanos / 1e9);
            for (String field : List.of("syscw", "wchar", "write_bytes")) {
                if (before.containsKey(field)) {
                    System.out.printf("%s/commit=%.1f%n", field, (after.get(field) - before.get(field)) / n);
                }
            }
            // CPU time, unlike wall time, hardly depends on how loaded the machine is: on 2 cores,
            // 16 sessions cannot commit faster than 2 s / (CPU seconds per commit).
            System.out.printf("cpu_us/commit=%.1f%n", cpu / n / 1e3);
            for (DbClient c : clients) {
                c.close();
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** This process's I/O counters (Linux only; empty elsewhere). */
    private static Map<String, Long> procIo() {
        Map<String, Long> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                String[] kv = line.split(":\\s*");
                out.put(kv[0], Long.parseLong(kv[1].trim()));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the script's strace numbers still stand
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
