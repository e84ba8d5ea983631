package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a run, rewritten after every round from the runs so far, so a run stopped early (a
 * full run takes far longer than a session may wait) still leaves a report of the rounds it completed,
 * marked as such. The probes that do not depend on the rounds (disk sync rate, empty heap) run once,
 * before the first report.
 */
final class RoundReport {
    private final CompareOptions options;
    private final String stamp;
    private final long began;
    private final String loadAtStart;
    private final Elapsed.Clock clock;
    private final List<String> runNotes;
    private final int pgPort;
    private String machine;
    private volatile MeasuredGoal emptyHeap;

    RoundReport(CompareOptions options, String stamp, long began, String loadAtStart, Elapsed.Clock clock,
                List<String> runNotes, int pgPort) {
        this.options = options;
        this.stamp = stamp;
        this.began = began;
        this.loadAtStart = loadAtStart;
        this.clock = clock;
        this.runNotes = runNotes;
        this.pgPort = pgPort;
    }

    /** Writes the Markdown and CSV reports (and {@code --report FILE}) of rounds 1..{@code rounds}; returns the Markdown. */
    String write(List<RunResult> runs, int rounds) throws IOException, InterruptedException {
        probeOnce();
        List<Summary> summaries = Summary.of(runs);
        List<Target> targets = options.targets().stream().map(t -> TargetCatalog.byId(t, pgPort)).toList();
        List<String> notes = new ArrayList<>(runNotes);
        int planned = options.scale().rounds();
        if (rounds < planned) {
            notes.add(0, "PARTIAL: " + rounds + " of " + planned + " rounds completed when this report was written "
                    + "(medians and min-max are over the completed rounds)");
        }
        notes.add("scale " + options.scale().name() + ": " + options.scale().rows() + " rows, "
                + planned + " interleaved rounds; in each round every system runs in one fresh JVM ("
                + ChildHeap.describe(options.scale())
                + "), the systems one after another (A B A B over the rounds), each JVM running its reads, then its "
                + "writes, then pgbench, with a full GC between them: the reads share one instance on the data set, "
                + "loaded (in memory) or opened (a fresh copy of the files) once, the zipfian reads first; the writes "
                + "run each on fresh files (a fresh in-memory database); pgbench's select-only runs share one fresh "
                + "copy of its tables, then one tpcb-like run, which changes them, runs last (a second tpcb-like one "
                + "gets a fresh copy of its own); peak heap, peak RSS "
                + "and cache hit rate start afresh for each workload (the hit rate counts the measured period, after the "
                + "warm-up, except pgbench's, which counts its warm-up run too); start-up ms is the JVM's first open of the system; "
                + "the whole heap is committed and touched at start (a growing heap touches each new region inside a GC "
                + "pause) because on this kind of virtual machine the first touch of each fresh "
                + "page costs a fault that made a JVM's 20k-row scans 4-7x slower for their first seconds (a long-running "
                + "process pays it once); so the peak RSS of a JVM target includes its committed heap"
                + (CompareMain.extraJvmFlags().isEmpty() ? ""
                        : "; added flags (HELIOS_BENCH_JVM_FLAGS): " + String.join(" ", CompareMain.extraJvmFlags())));
        notes.addAll(CompareMain.pacingNotes(options));
        notes.addAll(CompareMain.pgbenchNotes(options));
        notes.add("ops/s counts rows for the 1,000-row transactions; latency is per operation (per transaction there)");
        notes.add("× <peer>: this row's median ops/s divided by the peer's (above 1 means faster)");
        notes.add("start-up ms: from opening the system to its first answered query (HeliosDB.open for the embedded "
                + "targets; process start to first accepted connection for helios-launcher); peak RSS is the "
                + "benchmark JVM's VmHWM (the server's too where it runs in-process)");
        notes.add("pgJDBC prepareThreshold=1: server-side prepared statements from the first execution, on both "
                + "PostgreSQL and HeliosDB Server");
        List<MeasuredGoal> measured = new ArrayList<>();
        if (options.targets().contains("helios-launcher")) {
            measured.add(MeasuredGoal.startup(summaries));
        }
        if (emptyHeap != null) {
            measured.add(emptyHeap);
        }
        if (options.targets().contains(HeliosHybridTarget.DEFAULT_ID)
                && options.workloads().contains(Workload.ZIPF_POINT_SELECT.id())) {
            measured.add(MeasuredGoal.hitRate(summaries, 90, options.scale().rows())); // issue 7
            measured.add(MeasuredGoal.hitRate(summaries, 80, options.scale().rows())); // issue 6
        }
        notes.add("load average (1, 5, 15 min) at the start: " + loadAtStart + "; when this report was written: "
                + MachineInfo.loadAverage() + " (on " + Runtime.getRuntime().availableProcessors()
                + " cores: above that, the systems measured here shared the machine with other work)");
        ReportContext context = new ReportContext("HeliosDB Lite side by side — " + stamp, machine, notes, targets,
                measured, clock.list(System.nanoTime() - began));
        String md = MarkdownReport.render(context, summaries);
        Files.writeString(options.outDir().resolve(stamp + ".md"), md);
        Files.writeString(options.outDir().resolve(stamp + ".csv"), CsvReport.render(options.targets(), summaries));
        if (options.report() != null) {
            Files.writeString(options.report(), md);
        }
        return md;
    }

    /** The empty-heap figures when they were measured before the first round (alongside the data set builds). */
    void emptyHeap(List<Double> mb) {
        emptyHeap = MeasuredGoal.emptyHeap(mb);
    }

    private void probeOnce() throws IOException, InterruptedException {
        if (machine != null) {
            return;
        }
        // The durable workloads are judged against what the disk itself can sync (the runs' files live in tmpdir).
        machine = options.workloads().stream().anyMatch(w -> Workload.byId(w).kind() == Workload.Kind.DURABLE
                || Workload.byId(w).kind() == Workload.Kind.PGBENCH)
                ? MachineInfo.describe() + "; " + DiskSyncRate.describe(Path.of(System.getProperty("java.io.tmpdir")))
                : MachineInfo.describe();
        if (emptyHeap == null && options.targets().stream().anyMatch(t -> t.startsWith("helios"))) {
            emptyHeap = MeasuredGoal.emptyHeap(EmptyHeapProbe.inFreshJvms(options.scale().rounds()));
        }
    }
}
