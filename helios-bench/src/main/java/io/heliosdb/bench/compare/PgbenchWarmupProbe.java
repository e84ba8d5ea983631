package io.heliosdb.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why pgbench's rate climbs in a fresh JVM: runs one pgbench warm-up to its cap (never stopped on the JIT's
 * quiet) against a system started in this JVM, logging each second's tps beside the JIT's work in that
 * second (compilation time, compiler threads' CPU, and when {@link JitQuiet} would have called it quiet),
 * then a few measured runs. Start it with the harness's heap flags:
 * {@code java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -cp benchmarks.jar io.heliosdb.bench.compare.PgbenchWarmupProbe
 * [target] [workload] [seconds] [measured runs]}, e.g. {@code helios-server-rocks pgbench-select-prepared-8 30 3}
 * ({@code bench/pgbench-warmup} does). PostgreSQL as target starts a throw-away cluster.
 */
public final class PgbenchWarmupProbe {
    private PgbenchWarmupProbe() {
    }

    public static void main(String[] args) throws Exception {
        String targetId = args.length > 0 ? args[0] : "helios-server-rocks";
        Workload workload = Workload.byId(args.length > 1 ? args[1] : "pgbench-select-prepared-8");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int measuredRuns = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Scale scale = Scale.quick();
        Path pgbench = PgbenchBinary.find();
        if (pgbench == null || workload.pgbench() == null) {
            System.err.println("pgbench-warmup: " + (pgbench == null ? PgbenchBinary.missing() : workload.id()
                    + " is not a pgbench workload"));
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("pgbench-warmup");
        PostgresCluster cluster = targetId.equals("postgres") ? PostgresCluster.start(PostgresCluster.DEFAULT_BIN) : null;
        try {
            Target target = TargetCatalog.byId(targetId, cluster == null ? 0 : cluster.port());
            System.setProperty(HeliosHybridTarget.ROWS_PROPERTY,
                    Integer.toString(PgbenchScript.scaleFactor(scale) * PgbenchScript.ACCOUNTS_PER_SCALE));
            try (Target.Instance instance = target.open(Files.createDirectories(dir.resolve("db")))) {
                String failed = PgbenchRun.initialise(instance.pgEndpoint(), scale);
                if (failed != null) {
                    throw new IllegalStateException(failed);
                }
                Pacing rule = Pacing.of(scale, workload);
                Pacing toCap = new Pacing(rule.warmupMillis(), 0, rule.measureMillis(), 0, seconds * 1000L,
                        rule.quietOps());
                JitQuiet.compileQueueEmpty();
                PgbenchWarmup.Outcome warm = PgbenchRun.warmUp(pgbench, instance.pgEndpoint(), workload.pgbench(),
                        toCap, false, PgbenchWarmup.THIS_JVM);
                System.err.printf("warm-up: %d transactions in %.1f s (%s)%n", warm.transactions(), warm.nanos() / 1e9,
                        warm.failure() == null ? warm.ended() : warm.failure());
                for (int i = 0; i < measuredRuns; i++) {
                    PgbenchRun.Outcome run = PgbenchRun.timedRun(pgbench, instance.pgEndpoint(), workload.pgbench(),
                            (int) (rule.measureMillis() / 1000));
                    System.err.printf("after the warm-up, measured run %d: %,.0f tps%n", i + 1,
                            PgbenchOutput.parse(run.output()).tps());
                }
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.exit(0);
    }

}
