package io.heliosdb.bench.compare;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link CompareMain}. */
record CompareOptions(Scale scale, List<String> targets, List<String> workloads, Path outDir, Path report,
                      Path postgresBin, boolean postgres, int timeoutSeconds) {

    // --quick keeps to about 4 minutes on 2 cores: each (target, workload, round) is a fresh JVM
    // (~2 s start-up and set-up) plus its Pacing minimums, so it measures four workloads on one
    // HeliosDB of each kind and the peers, in 2 rounds. Per round: scan-aggregate 7 systems x
    // (2 + 3 warm + 2 measured) = 49 s; point-select and insert-autocommit 6 (no DuckDB) x
    // (2 + 1 + 1) = 24 s each; durable-16 5 (not helios-mem) x (2 + 1 + 1) = 20 s; 117 s a round,
    // about 4 minutes for 2 rounds (longer only where a system needs more time for the minimum counts).
    // The zipfian workload and the Hybrid/launcher targets add about a minute a round.
    static final List<String> QUICK_WORKLOADS =
            List.of("point-select", "zipf-point-select", "insert-autocommit", "scan-aggregate", "durable-16");
    static final List<String> QUICK_TARGETS =
            List.of("helios-mem", "helios-rocks", "helios-server-rocks", "helios-hybrid-caffeine",
                    "helios-hybrid-chronicle", "helios-launcher", "h2-mem", "sqlite-file", "postgres", "duckdb-mem");

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
        int limit = timeout != null ? timeout : scale.name().equals("quick") ? 60 : 600;
        return new CompareOptions(scale, targets, workloads, out, report, pgBin,
                postgres && targets.contains("postgres"), limit);
    }

    static String usage() {
        return "usage: compare [--quick|--full] [--rounds N] [--rows N] [--targets a,b] [--workloads x,y]"
                + " [--out DIR] [--report FILE] [--pg-bin DIR] [--no-postgres] [--timeout SECONDS]\n"
                + "targets: " + String.join(",", TargetCatalog.ids()) + "\n"
                + "workloads: " + String.join(",", Arrays.stream(Workload.values()).map(Workload::id).toList());
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
