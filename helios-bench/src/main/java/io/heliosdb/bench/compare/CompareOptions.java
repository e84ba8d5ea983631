package io.heliosdb.bench.compare;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link CompareMain}. */
record CompareOptions(Scale scale, List<String> targets, List<String> workloads, Path outDir, Path report,
                      Path postgresBin, boolean postgres, int timeoutSeconds, boolean goalPairsOnly) {

    // --quick measures exactly the pairs the goals compare (RunMatrix), at 20,000 rows and pgbench
    // scale 1, in 3 rounds: per round 11 JVMs (RunPlan: one per system) run the 29 pairs,
    // each a warm-up of at least 0.5 s and a measurement of at least 0.5 s (pgbench: 1 s each, see Pacing);
    // the report's "Elapsed time" section shows where a run's time went.
    static final List<String> QUICK_WORKLOADS =
            List.of("point-select", "zipf-point-select", "insert-autocommit", "tx-1000-batch", "scan-aggregate",
                    "durable-1", "durable-16", "pgbench-select-prepared-8", "pgbench-select-simple-8", "pgbench-tpcb-8");
    static final List<String> QUICK_TARGETS =
            List.of("helios-mem", "helios-rocks", "helios-server-rocks", HeliosHybridTarget.DEFAULT_ID,
                    "helios-launcher", "h2-mem", "h2-file", "sqlite-mem", "sqlite-file", "postgres", "duckdb-mem");

    boolean quick() {
        return scale.name().equals("quick");
    }

    static CompareOptions parse(String[] args) {
        Scale scale = Scale.full();
        Integer rows = null;
        Integer rounds = null;
        List<String> targets = null;
        List<String> workloads = null;
        Path out = Path.of("bench/results");
        Path report = null;
        Path pgBin = PostgresCluster.DEFAULT_BIN;
        boolean postgres = true;
        Integer timeout = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> scale = Scale.quick();
                case "--full" -> scale = Scale.full();
                case "--rows" -> rows = Integer.parseInt(value(args, ++i, a));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, a));
                case "--targets" -> targets = split(value(args, ++i, a));
                case "--workloads" -> workloads = split(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--report" -> report = Path.of(value(args, ++i, a));
                case "--pg-bin" -> pgBin = Path.of(value(args, ++i, a));
                case "--no-postgres" -> postgres = false;
                case "--timeout" -> timeout = Integer.parseInt(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option: " + a + "\n" + usage());
            }
        }
        boolean quick = scale.name().equals("quick");
        // Pairs named on the command line are measured even when no goal compares them.
        boolean goalPairsOnly = quick && targets == null && workloads == null;
        if (targets == null) {
            targets = quick ? QUICK_TARGETS : TargetCatalog.ids();
        }
        if (workloads == null) {
            workloads = quick ? QUICK_WORKLOADS
                    : Arrays.stream(Workload.values()).map(Workload::id).toList();
        }
        workloads.forEach(Workload::byId);
        targets.forEach(t -> TargetCatalog.byId(t, 0));
        if (rows != null) {
            scale = scale.withRows(rows);
        }
        if (rounds != null) {
            scale = scale.withRounds(rounds);
        }
        // A limit catches a hung run, not a slow one: on a loaded machine a quick pgbench run took over a minute.
        int limit = timeout != null ? timeout : scale.name().equals("quick") ? 180 : 600;
        return new CompareOptions(scale, targets, workloads, out, report, pgBin,
                postgres && targets.contains("postgres"), limit, goalPairsOnly);
    }

    static String usage() {
        return "usage: compare [--quick|--full] [--rounds N] [--rows N] [--targets a,b] [--workloads x,y]"
                + " [--out DIR] [--report FILE] [--pg-bin DIR] [--no-postgres] [--timeout SECONDS]\n"
                + "targets: " + String.join(",", TargetCatalog.ids()) + "\n"
                + "workloads: " + String.join(",", Arrays.stream(Workload.values()).map(Workload::id).toList()) + "\n"
                + "--quick: the goals' pairs, 20,000 rows, 3 rounds, about 6 minutes on a quiet 2-core machine"
                + " (an estimate);\n"
                + "full (default): every pair, 1,000,000 rows, 3 rounds, about 31 minutes (an estimate);\n"
                + "each round starts one fresh JVM per system (its reads, then writes, then pgbench)";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
