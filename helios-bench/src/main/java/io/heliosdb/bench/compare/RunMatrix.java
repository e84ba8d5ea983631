package io.heliosdb.bench.compare;

import java.util.Set;

/**
 * Which (target, workload) pairs a run measures. Every pair is a fresh JVM that loads its data
 * (a million rows at full scale), so pairs that answer no question of the issue are left out: that
 * keeps the full run to three rounds of about a quarter of an hour each instead of an hour. A pair left out shows in the
 * report as not applicable, with the reason below.
 */
final class RunMatrix {
    /** The systems the zipfian workload compares: Server against Hybrid (both caches), embedded RocksDB as base. */
    private static final Set<String> ZIPF_TARGETS = Set.of("helios-rocks", "helios-server-rocks",
            "helios-hybrid-caffeine", "helios-hybrid-chronicle");

    private RunMatrix() {
    }

    /** Why the pair is not measured, or {@code null} when it is. */
    static String whyNot(String targetId, Workload workload) {
        if (targetId.equals("helios-launcher") && workload != Workload.INSERT_AUTOCOMMIT) {
            return "start-up is measured once, with insert-autocommit";
        }
        if (targetId.startsWith("helios-hybrid-") && workload != Workload.POINT_SELECT
                && workload != Workload.ZIPF_POINT_SELECT && workload.kind() != Workload.Kind.PGBENCH) {
            return "Hybrid is measured on reads its cache serves and on pgbench";
        }
        if (workload == Workload.ZIPF_POINT_SELECT && !ZIPF_TARGETS.contains(targetId)) {
            return "the zipfian workload compares Server with Hybrid";
        }
        return null;
    }
}
