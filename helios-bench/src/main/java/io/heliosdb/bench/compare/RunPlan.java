package io.heliosdb.bench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Which fresh JVMs a round starts, and which workloads each runs: one JVM per system and round
 * ({@link #perSystem}), running that system's jobs one after another. A job is one kind of workload:
 * <ul>
 *   <li>reads: every workload that reads the data set, on one instance that loaded (or opened the copy
 *       of) the data set once; the zipfian reads first, so the Hybrid cache they are judged on starts empty;
 *   <li>writes: every workload that writes into empty tables, each on a fresh instance on fresh files
 *       (a fresh in-memory database);
 *   <li>pgbench: the select-only workloads on one instance of the pgbench data set, then the tpcb-like
 *       workload with the most clients, which changes the tables and so runs last; a further tpcb-like workload
 *       is a job of its own, on a fresh copy.
 * </ul>
 * The systems run one after another in every round (A B A B over the rounds). Before session 7 each job
 * was a JVM of its own (one JVM per system, round and kind), and before session 6 each pair.
 */
final class RunPlan {

    /** How the workloads of one JVM share it. */
    enum Kind {
        READS("reads", "one instance, the data set loaded or opened once"),
        WRITES("writes", "each workload on fresh files"),
        PGBENCH("pgbench", "select-only first, tpcb-like last, each on a fresh copy of the tables");

        private final String label;
        private final String how;

        Kind(String label, String how) {
            this.label = label;
            this.how = how;
        }

        static Kind of(Workload w) {
            return w.pgbench() != null ? PGBENCH : w.readsDataSet() ? READS : WRITES;
        }

        String label() {
            return label;
        }

        /** Whether the workloads run one after another on one instance of the system. */
        boolean sharesInstance() {
            return this != WRITES;
        }

        /** The Elapsed row of this kind, naming the workloads of the run. */
        String elapsedLabel(List<String> workloadIds) {
            List<String> mine = workloadIds.stream().filter(id -> of(Workload.byId(id)) == this).toList();
            return label + " (" + String.join(", ", mine) + "; " + how + ")";
        }
    }

    /** One fresh JVM: the system and the workloads it runs, in order. */
    record Job(String target, Kind kind, List<Workload> workloads) {
        List<String> workloadIds() {
            return workloads.stream().map(Workload::id).toList();
        }
    }

    /**
     * One fresh JVM of a round: a system and its jobs, reads, then writes, then pgbench, each job on its own
     * instance (a fresh copy of its data set, or fresh files per writing workload).
     */
    record Jvm(String target, List<Job> jobs) {
        List<String> workloadIds() {
            return jobs.stream().flatMap(j -> j.workloadIds().stream()).toList();
        }
    }

    private RunPlan() {
    }

    /**
     * The JVMs of one round: one per system, in the listed order (A B A B across rounds), each running that
     * system's jobs of {@link #round} in the order reads, writes, pgbench. Reads come first because the goals
     * most sensitive to the JIT's profiles (point selects) are reads; pgbench last, because tpcb-like changes
     * its tables and the server's wire path is then compiled by the reads over pgJDBC, which only shortens
     * a warm-up that ends on the JIT's quiet. Each JVM started (and touched its whole heap: ~6.6 s of CPU per
     * GB on this VM) for every kind cost a full run ~7 minutes.
     */
    static List<Jvm> perSystem(List<String> targets, List<String> workloads, BiPredicate<String, Workload> measured) {
        List<Job> jobs = round(targets, workloads, measured);
        List<Jvm> jvms = new ArrayList<>();
        for (String target : targets) {
            List<Job> mine = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                jobs.stream().filter(j -> j.target().equals(target) && j.kind() == kind).forEach(mine::add);
            }
            if (!mine.isEmpty()) {
                jvms.add(new Jvm(target, List.copyOf(mine)));
            }
        }
        return jvms;
    }

    /**
     * The jobs of one round, in the order they run.
     *
     * @param measured whether a (target, workload) pair is measured at all (the matrix and the target agree)
     */
    static List<Job> round(List<String> targets, List<String> workloads, BiPredicate<String, Workload> measured) {
        List<Kind> kinds = new ArrayList<>();
        for (String id : workloads) {
            Kind k = Kind.of(Workload.byId(id));
            if (!kinds.contains(k)) {
                kinds.add(k);
            }
        }
        List<Job> jobs = new ArrayList<>();
        for (Kind kind : kinds) {
            // Per target, its jobs of this kind; then the first job of every target, the second of every target, ...
            Map<String, List<List<Workload>>> byTarget = new LinkedHashMap<>();
            int layers = 0;
            for (String target : targets) {
                List<Workload> mine = new ArrayList<>();
                for (String id : workloads) {
                    Workload w = Workload.byId(id);
                    if (Kind.of(w) == kind && measured.test(target, w)) {
                        mine.add(w);
                    }
                }
                List<List<Workload>> split = split(kind, mine);
                byTarget.put(target, split);
                layers = Math.max(layers, split.size());
            }
            for (int layer = 0; layer < layers; layer++) {
                for (Map.Entry<String, List<List<Workload>>> e : byTarget.entrySet()) {
                    if (layer < e.getValue().size()) {
                        jobs.add(new Job(e.getKey(), kind, List.copyOf(e.getValue().get(layer))));
                    }
                }
            }
        }
        return jobs;
    }

    /** One target's workloads of one kind as the JVMs that run them. */
    private static List<List<Workload>> split(Kind kind, List<Workload> mine) {
        if (mine.isEmpty()) {
            return List.of();
        }
        if (kind == Kind.READS) {
            List<Workload> ordered = new ArrayList<>(mine.stream().filter(w -> w == Workload.ZIPF_POINT_SELECT).toList());
            mine.stream().filter(w -> w != Workload.ZIPF_POINT_SELECT).forEach(ordered::add);
            return List.of(ordered);
        }
        if (kind == Kind.WRITES) {
            return List.of(mine);
        }
        List<Workload> first = new ArrayList<>(mine.stream().filter(w -> w.pgbench().selectOnly()).toList());
        // The tpcb-like run with the most clients first, on the shared instance: Hybrid measures tpcb-like only at
        // 8 clients, so this gives its tpcb-8 the history Server's and PostgreSQL's have (the select-only runs
        // before it, no tpcb-like run); Server's tpcb-8 used to follow its tpcb-1, whose warm-up had compiled the
        // tpcb path, while Hybrid's warm-up ran to its cap still compiling it.
        List<Workload> changing = mine.stream().filter(w -> !w.pgbench().selectOnly())
                .sorted(java.util.Comparator.comparingInt((Workload w) -> w.pgbench().clients()).reversed()).toList();
        List<List<Workload>> out = new ArrayList<>();
        if (!changing.isEmpty()) {
            first.add(changing.get(0));
        }
        out.add(first);
        for (Workload w : changing.subList(Math.min(1, changing.size()), changing.size())) {
            out.add(List.of(w));
        }
        return out;
    }
}
