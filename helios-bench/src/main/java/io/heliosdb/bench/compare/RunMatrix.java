package io.heliosdb.bench.compare;

import java.util.Set;

/**
 * Which (target, workload) pairs a run measures. Every pair is a fresh JVM, so pairs that answer
 * neither a goal of the issue nor a row of the README's summary are left out. The quick run measures
 * exactly the pairs the goals compare (see {@link Goals#answers}) plus the launcher's start-up; the full
 * run measures every workload on every system it applies to, minus the variants that would repeat a
 * measurement another target already makes. A pair left out shows in the report as not applicable,
 * with the reason.
 */
final class RunMatrix {
    /** The systems the zipfian workload compares: Server against Hybrid (every cache), embedded RocksDB as base. */
    private static final Set<String> ZIPF_TARGETS = Set.of("helios-rocks", "helios-server-rocks",
            "helios-hybrid-caffeine", "helios-hybrid-chronicle", "helios-hybrid-compact");
    /** The pgbench workloads of the goals: 8 clients. */
    private static final Set<Workload> PGBENCH_GOALS = Set.of(Workload.PGBENCH_SELECT_PREPARED_8,
            Workload.PGBENCH_SELECT_SIMPLE_8, Workload.PGBENCH_TPCB_8);

    private RunMatrix() {
    }

    /** Why the pair is not measured in the full run, or {@code null} when it is. */
    static String whyNot(String targetId, Workload workload) {
        return whyNot(targetId, workload, false);
    }

    /** Why the pair is not measured, or {@code null} when it is; {@code quick} keeps to the goals' pairs. */
    static String whyNot(String targetId, Workload workload, boolean quick) {
        if (targetId.equals("helios-launcher")) {
            return workload == Workload.INSERT_AUTOCOMMIT ? null : "start-up is measured once, with insert-autocommit";
        }
        // The other cache layers differ from the default one only in what the cache holds and finds: the zipfian
        // reads compare them. Their uniform point selects (a cache of a tenth of the rows hits ~5-8%) repeated the
        // default layer's through the same engine and wire (~5 s of a full round each, the instance reopened);
        // pgbench already ran on the default layer only (HeliosHybridTarget.notApplicable).
        if (targetId.startsWith("helios-hybrid-") && !targetId.equals(HeliosHybridTarget.DEFAULT_ID)
                && workload != Workload.ZIPF_POINT_SELECT) {
            return "the other cache layers are compared on zipf-point-select; the rest is measured on the default one ("
                    + HeliosHybridTarget.DEFAULT_ID + ")";
        }
        if (targetId.startsWith("helios-hybrid-") && workload != Workload.POINT_SELECT
                && workload != Workload.ZIPF_POINT_SELECT && workload.kind() != Workload.Kind.PGBENCH) {
            return "Hybrid is measured on reads its cache serves and on pgbench";
        }
        if (targetId.startsWith("helios-hybrid-") && workload.kind() == Workload.Kind.PGBENCH
                && !PGBENCH_GOALS.contains(workload)) {
            return "Hybrid runs the goals' pgbench workloads (8 clients)";
        }
        if (workload == Workload.ZIPF_POINT_SELECT && !ZIPF_TARGETS.contains(targetId)) {
            return "the zipfian workload compares Server with Hybrid";
        }
        // Server in memory shows what the wire costs without storage; point-select says it.
        if (targetId.equals("helios-server-mem") && workload != Workload.POINT_SELECT) {
            return "Server in memory is measured on point-select (the wire's cost without storage)";
        }
        // Group-by and join run the same engine as helios-rocks; the wire adds a constant per query.
        if (targetId.equals("helios-server-rocks") && (workload == Workload.GROUP_BY || workload == Workload.JOIN)) {
            return "the engine is measured embedded (helios-rocks); scan-aggregate shows the wire's share";
        }
        if (quick && !Goals.answers(workload.id(), targetId)) {
            return "--quick measures the goals' pairs only";
        }
        return null;
    }
}
